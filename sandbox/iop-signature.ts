/**
 * The sandbox's own IOP signer, written from docs/protocol.md#signing with Node `crypto` (deliberately not
 * shared with the extension, so a bug on one side cannot hide a bug on the other).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** The string the gateway signs: API path, then `name + value` of every non-empty param but `sign`. */
export function iopSigningString(apiPath: string, params: ReadonlyMap<string, string>): string {
  const names = [...params.keys()].filter((name) => name !== 'sign' && params.get(name) !== '');
  // Plain code-unit order, as the gateway sorts (`appKey` < `app_key`), never localeCompare.
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return apiPath + names.map((name) => name + params.get(name)).join('');
}

/** HMAC-SHA256 keyed with the app secret, upper-case hex. */
export function iopSign(apiPath: string, params: ReadonlyMap<string, string>, appSecret: string): string {
  return createHmac('sha256', Buffer.from(appSecret, 'utf8'))
    .update(Buffer.from(iopSigningString(apiPath, params), 'utf8'))
    .digest('hex')
    .toUpperCase();
}

/** Exact match only: a lower-case hex signature is rejected, as a strict gateway would. */
export function isIopSignatureValid(
  apiPath: string,
  params: ReadonlyMap<string, string>,
  appSecret: string,
): boolean {
  const given = Buffer.from(params.get('sign') ?? '', 'utf8');
  const expected = Buffer.from(iopSign(apiPath, params, appSecret), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
