/** The hosts an app's endpoints reach, compared and listed the same way wherever they matter. Pure. */
import type { EndpointField, PlatformEndpoints, PlatformId } from '../shared/platform';
import { ENDPOINT_FIELDS } from '../shared/platform';
import { resolveEndpoints } from './descriptors';

interface EndpointsOf {
  platform: PlatformId;
  endpoints?: Partial<PlatformEndpoints> | undefined;
}

function hostOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return url;
  }
}

/** True when any endpoint (defaults filled in) would go to another scheme, host or port. */
export function endpointHostsChanged(before: EndpointsOf, after: EndpointsOf): boolean {
  const old = resolveEndpoints(before.platform, before.endpoints);
  const next = resolveEndpoints(after.platform, after.endpoints);
  return ENDPOINT_FIELDS.some((field: EndpointField) => hostOf(old[field]) !== hostOf(next[field]));
}

/** The URLs the worker fetches for this app: the ones it needs host access to. */
export function tokenUrls(app: EndpointsOf): string[] {
  const endpoints = resolveEndpoints(app.platform, app.endpoints);
  return [endpoints.tokenCreateUrl, endpoints.tokenRefreshUrl];
}
