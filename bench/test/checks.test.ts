import { describe, expect, it } from 'vitest';
import { bundleWalkCheck, drainChecks } from '../checks';
import type { DrainResult } from '../drain';

function cleanDrain(): DrainResult {
  return {
    grants: 100,
    rateLimitPerSecond: 50,
    outcome: 'drained',
    drainSeconds: 3,
    refreshedPerSecond: 33,
    refreshCalls: { '0': 100, ApiCallLimit: 4 },
    callsPerGrant: 1.04,
    successesPerGrant: 1,
    apiCallLimit: 4,
    illegalRefreshToken: 0,
    peakSuccessesInOneSecond: 50,
    alarms: {
      samples: 8,
      maxInUse: 2,
      names: ['seller-auth:due', 'seller-auth:safety'],
      rearmed: true,
      wakes: 1,
      firstWakeMs: 3,
      idleBetweenWakesMs: [],
    },
    heap: { method: 'test', beforeBytes: 1, peakBytes: 2, afterBytes: 1, samples: 4 },
    stored: { refreshedOnce: 100, connected: 100, liveAccessTokens: 100, rotatedRefreshTokens: 100 },
  };
}

const failing = (drain: DrainResult) =>
  drainChecks(drain)
    .filter((check) => !check.ok)
    .map((check) => check.name);

describe('drainChecks', () => {
  it('passes a clean drain (rate-limit answers are allowed)', () => {
    expect(failing(cleanDrain())).toEqual([]);
  });

  it('fails a stalled drain', () => {
    expect(failing({ ...cleanDrain(), outcome: 'stalled' })).toEqual([
      'drain finished (no stall, within the time limit)',
    ]);
  });

  it('fails one grant refreshed twice and another never, though the success count matches', () => {
    const drain = cleanDrain();
    expect(failing({ ...drain, stored: { ...drain.stored, refreshedOnce: 99 } })).toContain(
      'one successful token.refresh per grant',
    );
  });

  it('fails any IllegalRefreshToken (a spent refresh token sent again)', () => {
    const drain = cleanDrain();
    expect(
      failing({
        ...drain,
        illegalRefreshToken: 1,
        refreshCalls: { ...drain.refreshCalls, IllegalRefreshToken: 1 },
      }),
    ).toEqual(['no IllegalRefreshToken']);
  });

  it('fails a third alarm, and no due alarm after the drain', () => {
    const drain = cleanDrain();
    expect(failing({ ...drain, alarms: { ...drain.alarms, maxInUse: 3 } })).toEqual([
      'two alarms in use, the due one re-armed after the drain',
    ]);
    expect(failing({ ...drain, alarms: { ...drain.alarms, rearmed: false } })).toEqual([
      'two alarms in use, the due one re-armed after the drain',
    ]);
  });

  it('fails a stored grant that does not hold the live pair', () => {
    const drain = cleanDrain();
    expect(failing({ ...drain, stored: { ...drain.stored, liveAccessTokens: 99 } })).toEqual([
      'every stored grant holds the live rotated pair',
    ]);
  });
});

describe('bundleWalkCheck', () => {
  it('passes when nothing differs and names the differences otherwise', () => {
    expect(bundleWalkCheck({ notLoaded: [], missed: [] }).ok).toBe(true);
    const check = bundleWalkCheck({ notLoaded: ['/a.js'], missed: ['/b.js'] });
    expect(check.ok).toBe(false);
    expect(check.detail).toBe('not loaded: /a.js; missed: /b.js');
  });
});
