/**
 * Runtime host permissions for custom endpoints and tab-flow callbacks: which origins an app needs.
 * Asking for them is the thin adapter in ./adapters/host-permission-gate.ts.
 */

import type { CallbackKind } from '../shared/model';
import type { EndpointUrls } from '../shared/platform';

/** The part of an app that reaches hosts: endpoints the worker fetches and the tab it watches. */
export interface HostNeeds {
  callbackKind: CallbackKind;
  callbackUrl: string;
  endpoints?: Partial<EndpointUrls>;
}

/** The part of the manifest that says which hosts are already allowed. */
export interface ManifestHosts {
  host_permissions?: readonly string[];
}

/** Asks for the hosts an app needs; resolves false when the person refuses. Injected into the form. */
export interface HostPermissionGate {
  grantFor(needs: HostNeeds): Promise<boolean>;
}

/** `scheme://host/*` patterns the app needs and the manifest does not already grant, without repeats. */
export function originsToRequest(needs: HostNeeds, manifest: ManifestHosts): string[] {
  const urls = Object.values(needs.endpoints ?? {}).filter((value): value is string => Boolean(value));
  if (needs.callbackKind === 'tab') urls.push(needs.callbackUrl);
  const granted = manifest.host_permissions ?? [];
  const origins = new Set<string>();
  for (const raw of urls) {
    const url = parseHttpUrl(raw);
    if (!url || granted.some((pattern) => patternCovers(pattern, url))) continue;
    origins.add(`${url.protocol}//${url.hostname}/*`);
  }
  return [...origins];
}

/** Host permissions are origin-wide in Chrome, so only scheme, host and port of a pattern matter. */
function patternCovers(pattern: string, url: URL): boolean {
  if (pattern === '<all_urls>') return true;
  const match = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
  if (!match) return false;
  const [, scheme, hostAndPort = ''] = match;
  if (scheme !== '*' && `${scheme}:` !== url.protocol) return false;
  const [host = '', port] = hostAndPort.split(':');
  if (port !== undefined && port !== '*' && port !== url.port) return false;
  if (host === '*') return true;
  if (host.startsWith('*.')) {
    const domain = host.slice(2);
    return url.hostname === domain || url.hostname.endsWith(`.${domain}`);
  }
  return url.hostname === host;
}

function parseHttpUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : undefined;
  } catch {
    return undefined;
  }
}
