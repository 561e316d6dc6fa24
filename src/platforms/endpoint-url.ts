import type { ValidUrl } from '../shared/checked';
import { SellerAuthError } from '../shared/errors';
import { type MessageKey, t } from '../shared/i18n';

/** The URL fields a person can configure; also the `field` of the resulting `invalid_input`. */
export type UrlField = 'authorizeUrl' | 'tokenCreateUrl' | 'tokenRefreshUrl' | 'callbackUrl';

const FIELD_NAMES: Record<UrlField, MessageKey> = {
  authorizeUrl: 'url_field_authorize_url',
  tokenCreateUrl: 'url_field_token_create_url',
  tokenRefreshUrl: 'url_field_token_refresh_url',
  callbackUrl: 'url_field_callback_url',
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
const HTTPS_RULE: MessageKey = LOOPBACK_HTTP ? 'url_https_or_loopback' : 'url_https_only';

/**
 * Checks that a configured URL is absolute and safe to send codes and secrets-signed requests to:
 * https, or http on loopback; no user name or password in it. Returns the parsed URL.
 * Messages never repeat the URL: a pasted value may carry something private.
 */
export function parseEndpointUrl(value: string, field: UrlField): URL {
  // Words only for a refusal: a valid URL reads no catalog.
  const name = () => t(FIELD_NAMES[field]);
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new SellerAuthError('invalid_input', t('url_not_absolute', name()), { field });
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure) {
    throw new SellerAuthError('invalid_input', t(HTTPS_RULE, name()), { field });
  }
  if (url.username !== '' || url.password !== '') {
    throw new SellerAuthError('invalid_input', t('url_no_credentials', name()), { field });
  }
  return url;
}

/** The check of parseEndpointUrl, keeping the text as typed (trimmed): what is stored and sent. */
export function checkEndpointUrl(value: string, field: UrlField): ValidUrl {
  parseEndpointUrl(value, field);
  return value.trim() as ValidUrl;
}
