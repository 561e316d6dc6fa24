/**
 * Platform-supplied text is untrusted: it may carry control characters, be huge, or echo a token
 * back. These helpers make it safe to show (and to store in an error) before it goes anywhere.
 */

const CONTROL_CHARS = /[\p{Cc}\p{Cf}\u2028\u2029]+/gu;
/** Long opaque runs look like tokens, codes or signatures: never repeat them. */
const OPAQUE_RUN = /[A-Za-z0-9_+/=.-]{16,}/g;
const REDACTED = '[redacted]';

/** Free text: control characters become spaces, opaque runs are redacted, the result is capped. */
export function sanitizeText(text: string, maxLength: number): string {
  const clean = text.replace(CONTROL_CHARS, ' ').replace(OPAQUE_RUN, REDACTED).replace(/\s+/g, ' ').trim();
  return clean.length > maxLength ? `${clean.slice(0, maxLength - 1)}…` : clean;
}

const CODE_MAX_LENGTH = 64;

/** An identifier such as `IllegalRefreshToken` or a request id: only [A-Za-z0-9_.-], capped. */
export function sanitizeCode(code: string): string {
  return code.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, CODE_MAX_LENGTH) || 'unknown';
}
