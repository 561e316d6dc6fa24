/**
 * Where a shop's business API calls go: the regional gateway of its venture (Lazada), the one
 * AliExpress gateway, or, for an app whose token endpoints were overridden (the sandbox, another
 * gateway), the same gateway as its token calls. Pure.
 */
import type { PlatformEndpoints, PlatformId } from '../shared/platform';
import { TOKEN_CREATE_PATH } from './descriptors';

/** Path-style APIs go to `rest + apiPath`; dotted `/sync` methods to `sync`. */
export interface ApiGateway {
  rest: string;
  sync: string;
}

const LAZADA_API_HOSTS: Record<string, string> = {
  sg: 'https://api.lazada.sg',
  my: 'https://api.lazada.com.my',
  th: 'https://api.lazada.co.th',
  vn: 'https://api.lazada.vn',
  id: 'https://api.lazada.co.id',
  ph: 'https://api.lazada.com.ph',
  // Cross-border sellers are served from the Singapore gateway.
  cb: 'https://api.lazada.sg',
};
const ALIEXPRESS_API_HOST = 'https://api-sg.aliexpress.com';

function gatewayAt(origin: string, restRoot = `${origin}/rest`): ApiGateway {
  return { rest: restRoot, sync: `${origin}/sync` };
}

/**
 * `overrides` are the app's own endpoints (as stored, checked at save): when the token create URL is
 * overridden, business calls follow it (its path up to `/auth/token/create` is the REST root).
 */
export function apiGatewayFor(
  platform: PlatformId,
  country: string,
  overrides: Partial<PlatformEndpoints> = {},
): ApiGateway {
  const tokenUrl = overrides.tokenCreateUrl;
  if (tokenUrl) {
    const url = new URL(tokenUrl);
    const root = url.pathname.endsWith(TOKEN_CREATE_PATH)
      ? url.pathname.slice(0, -TOKEN_CREATE_PATH.length)
      : '/rest';
    return gatewayAt(url.origin, `${url.origin}${root}`);
  }
  if (platform === 'aliexpress') return gatewayAt(ALIEXPRESS_API_HOST);
  return gatewayAt(LAZADA_API_HOSTS[country.toLowerCase()] ?? LAZADA_API_HOSTS.sg ?? '');
}

/** A dotted method (`aliexpress.solution.product.list.get`) rather than a path (`/orders/get`). */
export function isDottedMethod(apiPath: string): boolean {
  return !apiPath.startsWith('/');
}
