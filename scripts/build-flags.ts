/**
 * Build-time constants the bundle reads (vite `define`), besides the manifest. Each is decided here
 * from the build flavour, so the store build can never pick up a test setting from the environment.
 */
import type { Flavour } from './manifest-for';

export class BuildFlagError extends Error {
  override name = 'BuildFlagError';
}

/**
 * `SELLER_AUTH_FLOW_TIMEOUT_MS`: a shorter login timeout, for the sandbox build only (browser tests of
 * what a timeout closes). `null` keeps the product's 10 minutes.
 */
export function flowTimeoutOverride(flavour: Flavour, value: string | undefined): number | null {
  if (value === undefined || value.trim() === '') return null;
  if (flavour !== 'sandbox') {
    throw new BuildFlagError('SELLER_AUTH_FLOW_TIMEOUT_MS applies to the sandbox build only.');
  }
  const ms = Number(value);
  if (!Number.isSafeInteger(ms) || ms < 1) {
    throw new BuildFlagError('SELLER_AUTH_FLOW_TIMEOUT_MS must be a whole number of milliseconds (> 0).');
  }
  return ms;
}
