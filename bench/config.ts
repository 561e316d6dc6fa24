/** What one benchmark run does, from the environment (BENCH_*), with the brief's defaults. */
import type { Settings } from '../src/shared/model';

export interface BenchConfig {
  grants: number;
  /** The sandbox's cap on token calls per second: the limit that should bind during the drain. */
  rateLimitPerSecond: number;
  /** The extension's own caps, raised well above the sandbox's so they do not bind. */
  extensionSettings: Pick<Settings, 'maxConcurrentRefreshes' | 'maxRefreshesPerMinute'>;
  popupRuns: number;
  coldStartRuns: number;
  drainTimeoutMs: number;
}

const DEFAULTS = { grants: 5_000, rateLimitPerSecond: 50, popupRuns: 5, coldStartRuns: 10 };
const RAISED_CAPS: BenchConfig['extensionSettings'] = {
  maxConcurrentRefreshes: 16,
  maxRefreshesPerMinute: 6_000,
};

function positiveInteger(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number, 1 or more`);
  return value;
}

/**
 * The drain gets twice what the cap alone needs, plus a minute: room for the slow-downs after rate
 * limits (it runs at about 70% of the cap), while a stuck drain still ends the run in minutes.
 */
export function drainTimeoutMs(grants: number, rateLimitPerSecond: number): number {
  return Math.ceil((2 * grants) / rateLimitPerSecond) * 1000 + 60_000;
}

export function readBenchConfig(env: Record<string, string | undefined>): BenchConfig {
  const grants = positiveInteger(env, 'BENCH_GRANTS', DEFAULTS.grants);
  const rateLimitPerSecond = positiveInteger(env, 'BENCH_RATE', DEFAULTS.rateLimitPerSecond);
  return {
    grants,
    rateLimitPerSecond,
    extensionSettings: { ...RAISED_CAPS },
    popupRuns: positiveInteger(env, 'BENCH_POPUP_RUNS', DEFAULTS.popupRuns),
    coldStartRuns: positiveInteger(env, 'BENCH_COLD_RUNS', DEFAULTS.coldStartRuns),
    drainTimeoutMs: drainTimeoutMs(grants, rateLimitPerSecond),
  };
}
