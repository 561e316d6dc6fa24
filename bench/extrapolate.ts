/**
 * How long a drain takes when the extension's own pace binds (the default settings), worked out from
 * the settings rather than measured.
 */
import { WAKE_BUDGET_MS } from '../src/background/wiring/deps';
import type { Settings } from '../src/shared/model';

/** One alarm wake stops starting work after this (the worker's own budget). */
export const RUN_BUDGET_MS = WAKE_BUDGET_MS;
/** Chrome's minimum alarm delay for packed (store) installs; unpacked ones fire sooner. */
export const PACKED_ALARM_MIN_MS = 30_000;

export interface DrainEstimate {
  /** grants / maxRefreshesPerMinute: the pace alone, as if one run never stopped. */
  atPaceSeconds: number;
  /** Refreshes one wake can start: the burst (= concurrency) plus the pace over the run budget. */
  perWake: number;
  wakes: number;
  /** Wakes of RUN_BUDGET_MS, each followed by `alarmGapMs` until the next wake (request time ignored). */
  withWakesSeconds: number;
}

export function estimateDrain(
  grants: number,
  settings: Pick<Settings, 'maxRefreshesPerMinute' | 'maxConcurrentRefreshes'>,
  alarmGapMs: number,
): DrainEstimate {
  const perMinute = Math.max(1, settings.maxRefreshesPerMinute);
  const burst = Math.max(1, Math.floor(settings.maxConcurrentRefreshes));
  const atPaceSeconds = (grants / perMinute) * 60;
  const perWake = Math.floor(burst + (perMinute * RUN_BUDGET_MS) / 60_000);
  const wakes = Math.max(1, Math.ceil(grants / perWake));
  // The last wake starts with a full burst, then goes at the pace until its share is done.
  const lastWakeGrants = grants - (wakes - 1) * perWake;
  const lastWakeMs = Math.max(0, ((lastWakeGrants - burst) * 60_000) / perMinute);
  const withWakesMs = (wakes - 1) * (RUN_BUDGET_MS + alarmGapMs) + lastWakeMs;
  return { atPaceSeconds, perWake, wakes, withWakesSeconds: withWakesMs / 1000 };
}
