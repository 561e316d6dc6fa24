import type { ValidUrl } from '../shared/checked';
import { SellerAuthError } from '../shared/errors';

/** The URL fields a person can configure; also the `field` of the resulting `invalid_input`. */
export type UrlField = 'authorizeUrl' | 'tokenCreateUrl' | 'tokenRefreshUrl' | 'callbackUrl';

const FIELD_NAMES: Record<UrlField, string> = {
  authorizeUrl: 'The authorize URL',
  tokenCreateUrl: 'The token URL',
  tokenRefreshUrl: 'The refresh URL',
  callbackUrl: 'The callback URL',
};

/**
 * Plain http is allowed only on the machine itself, for the local sandbox, and never in the store
 * build: vite.config.ts defines this flag false there, so the minifier drops the loopback hosts from
 * the bundle. Tests and Node tools leave it undefined (allowed).
 */
declare const __SELLER_AUTH_LOOPBACK_HTTP__: boolean | undefined;
const LOOPBACK_HTTP = typeof __SELLER_AUTH_LOOPBACK_HTTP__ === 'undefined' || __SELLER_AUTH_LOOPBACK_HTTP__;
export const LOOPBACK_HOSTS: ReadonlySet<string> = LOOPBACK_HTTP
  ? new Set(['127.0.0.1', 'localhost', '[::1]'])
  : new Set();
const HTTPS_RULE = LOOPBACK_HTTP
  ? 'must use https (plain http only for 127.0.0.1 or localhost)'
  : 'must use https';

/**
 * Checks that a configured URL is absolute and safe to send codes and secrets-signed requests to:
 * https, or http on loopback; no user name or password in it. Returns the parsed URL.
 * Messages never repeat the URL: a pasted value may carry something private.
 */
export function parseEndpointUrl(value: string, field: UrlField): URL {
  const name = FIELD_NAMES[field];
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new SellerAuthError('invalid_input', `${name} must be an absolute URL (https://...).`, { field });
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure) {
    throw new SellerAuthError('invalid_input', `${name} ${HTTPS_RULE}.`, { field });
  }
  if (url.username !== '' || url.password !== '') {
    throw new SellerAuthError('invalid_input', `${name} must not contain a user name or password.`, {
      field,
    });
  }
  return url;
}

/** The check of parseEndpointUrl, keeping the text as typed (trimmed): what is stored and sent. */
export function checkEndpointUrl(value: string, field: UrlField): ValidUrl {
  parseEndpointUrl(value, field);
  return value.trim() as ValidUrl;
}
