/**
 * Asks Chrome for the host permissions an app needs. `chrome.permissions.request` must run inside the
 * Save click (a user gesture), so it is called directly: no polyfill loaded on the way, which would
 * await a module first.
 */
import { type HostPermissionGate, type ManifestHosts, originsToRequest } from '../host-permissions';

export async function requestOrigins(origins: string[]): Promise<boolean> {
  if (origins.length === 0) return true;
  if (await chrome.permissions.contains({ origins })) return true;
  try {
    return await chrome.permissions.request({ origins });
  } catch {
    // Chrome throws for an origin outside optional_host_permissions: to the person, that is a refusal.
    return false;
  }
}

export function createChromeHostPermissionGate(): HostPermissionGate {
  return { grantFor: (needs) => requestOrigins(originsToRequest(needs, manifestHosts())) };
}

function manifestHosts(): ManifestHosts {
  const manifest = chrome.runtime.getManifest();
  return 'host_permissions' in manifest ? { host_permissions: manifest.host_permissions ?? [] } : {};
}
