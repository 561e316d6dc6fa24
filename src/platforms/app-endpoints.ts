/** The hosts an app's endpoints reach, compared and listed the same way wherever they matter. Pure. */
import type { EndpointField, EndpointUrls, PlatformId } from '../shared/platform';
import { ENDPOINT_FIELDS } from '../shared/platform';
import { PLATFORMS } from './descriptors';

interface EndpointsOf {
  platform: PlatformId;
  endpoints?: Partial<EndpointUrls> | undefined;
}

/** Text is enough here: the page compares what was typed, the worker what was checked. */
function resolved(app: EndpointsOf): EndpointUrls {
  return { ...PLATFORMS[app.platform].defaultEndpoints, ...app.endpoints };
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
  const old = resolved(before);
  const next = resolved(after);
  return ENDPOINT_FIELDS.some((field: EndpointField) => hostOf(old[field]) !== hostOf(next[field]));
}

/** The URLs the worker fetches for this app: the ones it needs host access to. */
export function tokenUrls(app: EndpointsOf): string[] {
  const endpoints = resolved(app);
  return [endpoints.tokenCreateUrl, endpoints.tokenRefreshUrl];
}
