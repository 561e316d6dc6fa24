/**
 * A web page origin a person allows as a seller tool: `https://tool.example` (a port allowed), or plain
 * http on loopback where the sandbox can be. Nothing but the origin: no path, no user name. Pure.
 */
import { SellerAuthError } from '../shared/errors';
import { LOOPBACK_HOSTS } from './endpoint-url';

export function parsePageOrigin(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new SellerAuthError('invalid_input', 'Enter the page address, like https://tool.example.', {
      field: 'origin',
    });
  }
  const secure = url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname));
  if (!secure || url.username !== '' || url.password !== '') {
    throw new SellerAuthError('invalid_input', 'The page address must use https.', { field: 'origin' });
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search !== '' || url.hash !== '') {
    throw new SellerAuthError('invalid_input', 'Enter only the origin, like https://tool.example.', {
      field: 'origin',
    });
  }
  return url.origin;
}

/** The match pattern Chrome grants and injects by (ports are not part of patterns). */
export function pageOriginPattern(origin: string): string {
  const { protocol, hostname } = new URL(origin);
  return `${protocol}//${hostname}/*`;
}
