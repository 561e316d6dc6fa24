/**
 * IOP request signing (Lazada "Lazop" and AliExpress share it). See docs/protocol.md#signing.
 * Pure: WebCrypto only, so it runs in the extension service worker and in Node 20 alike.
 */
import type { AppSecret } from '../shared/checked';

/** The gateway never wants empty parameters: they must not be sent, so they are not signed either. */
export function withoutEmpty(params: Record<string, string | undefined | null>): Record<string, string> {
  // fromEntries defines own properties, so even a `__proto__` parameter stays a plain parameter.
  return Object.fromEntries(
    Object.entries(params).filter((entry): entry is [string, string] => {
      const value = entry[1];
      return value !== undefined && value !== null && value !== '';
    }),
  );
}

/** Plain UTF-16 code-unit order, like the gateway (Java `String.compareTo`), NOT `localeCompare`. */
function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/**
 * `apiPath` + name1 + value1 + name2 + value2 ... over every parameter except `sign` and empty ones,
 * sorted by name, with raw (not URL-encoded) values. Pass `''` as apiPath for AliExpress dotted
 * `/sync?method=a.b.c` APIs, which are signed without a prefix.
 */
export function buildSignString(apiPath: string, params: Record<string, string>): string {
  const names = Object.keys(params)
    .filter((name) => name !== 'sign' && params[name] !== '')
    .sort(compareCodeUnits);
  return apiPath + names.map((name) => `${name}${params[name]}`).join('');
}

/**
 * HMAC-SHA256 of the sign string, keyed with the UTF-8 app secret, as UPPERCASE hex. The secret is an
 * AppSecret (never empty: WebCrypto refuses empty HMAC keys with an opaque DataError).
 */
export async function signIopRequest(
  secret: AppSecret,
  apiPath: string,
  params: Record<string, string>,
): Promise<string> {
  const encoder = new TextEncoder();
  const key = await globalThis.crypto.subtle.importKey(
    'raw',
    encoder.encode(secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await globalThis.crypto.subtle.sign(
    'HMAC',
    key,
    encoder.encode(buildSignString(apiPath, params)),
  );
  return toUpperHex(new Uint8Array(mac));
}

function toUpperHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex.toUpperCase();
}
