/**
 * What must hold whatever the machine's speed: one successful refresh per grant, no spent refresh token
 * ever sent again, one alarm, every stored pair the live one. Timings are never checked: they are noise.
 */
import type { DrainResult } from './drain';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

export function drainChecks(drain: DrainResult): Check[] {
  const successes = drain.refreshCalls['0'] ?? 0;
  const { stored } = drain;
  return [
    {
      name: 'drain finished (no stall, within the time limit)',
      ok: drain.outcome === 'drained',
      detail: `${stored.refreshedOnce}/${drain.grants} refreshed`,
    },
    {
      name: 'one successful token.refresh per grant',
      ok: successes === drain.grants && stored.refreshedOnce === drain.grants,
      detail: `${successes} successes, ${stored.refreshedOnce} grants refreshed, ${drain.grants} grants`,
    },
    {
      name: 'no IllegalRefreshToken',
      ok: drain.illegalRefreshToken === 0,
      detail: `${drain.illegalRefreshToken} answers`,
    },
    {
      // The due alarm and the periodic safety alarm; never one per grant.
      name: 'two alarms in use, the due one re-armed after the drain',
      ok: drain.alarms.maxInUse <= 2 && drain.alarms.rearmed,
      detail: `max ${drain.alarms.maxInUse} over ${drain.alarms.samples} samples (${drain.alarms.names.join(', ') || 'none'})${drain.alarms.rearmed ? '' : ', no due alarm after the drain'}`,
    },
    {
      name: 'every stored grant holds the live rotated pair',
      ok:
        stored.liveAccessTokens === drain.grants &&
        stored.rotatedRefreshTokens === drain.grants &&
        stored.connected === drain.grants,
      detail: `${stored.liveAccessTokens} live access tokens, ${stored.rotatedRefreshTokens} rotated refresh tokens, ${stored.connected} connected`,
    },
  ];
}

/** The bundle-size walk found exactly what the browser loaded for the page. */
export function bundleWalkCheck(comparison: { notLoaded: string[]; missed: string[] }): Check {
  const { notLoaded, missed } = comparison;
  return {
    name: 'bundle walk matches what the popup loaded',
    ok: notLoaded.length === 0 && missed.length === 0,
    detail: `not loaded: ${notLoaded.join(', ') || 'none'}; missed: ${missed.join(', ') || 'none'}`,
  };
}
