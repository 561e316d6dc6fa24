/**
 * `npm run bench`: the built extension in headless Chromium against the in-process sandbox.
 *   1. 5,000 grants due at once, drained through the real alarm with the sandbox's rate cap binding;
 *   2. the popup over those 5,000 shops: first row, and a search narrowing them to a handful;
 *   3. bundle sizes (dist/) and the worker's cold start to first reply.
 * Figures are printed and written to bench/results/ (latest.json and a timestamped copy). Nothing is
 * asserted about speed; correctness checks (one refresh per grant, one alarm...) set the exit code.
 * Settings via BENCH_GRANTS, BENCH_RATE, BENCH_POPUP_RUNS, BENCH_COLD_RUNS.
 */
import { cpus, release, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../src/shared/model';
import { startSession } from '../test/support/session';
import { handfulSearch } from './bench-sellers';
import { compareWithLoaded, distReader, walkBundle, workerEntry } from './bundle-size';
import { bundleWalkCheck, drainChecks } from './checks';
import { measureColdStart } from './cold-start';
import { readBenchConfig } from './config';
import { type DrainResult, measureDrain } from './drain';
import { estimateDrain, PACKED_ALARM_MIN_MS } from './extrapolate';
import { measurePopup, POPUP_PAGE, type PopupResult } from './popup-timing';
import { phase, progress } from './progress';
import { formatBytes, formatCount, renderChecks, renderTable, writeResults } from './report';
import type { BenchResults, DefaultDrainEstimate } from './results';
import { seedShops } from './seed-grants';
import { median, type Summary } from './stats';
import { resultSections } from './summary-table';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, 'dist');
const DIST_SANDBOX = resolve(ROOT, 'dist-sandbox');
const RESULTS = resolve(ROOT, 'bench/results');
/** Whatever happens, the process ends: a hung browser must not hold a shared machine. */
const WATCHDOG_MS = 12 * 60_000;
/** Every seeding call, plus the drain's calls and their rate-limited retries, stays in the sandbox log. */
const SANDBOX_LOG_LIMIT = 200_000;
/** Used for the extrapolation when the drain measured no gap between wakes. */
const FALLBACK_ALARM_GAP_MS = 1_000;

const watchdog = setTimeout(() => {
  console.error(`\nbench: still running after ${WATCHDOG_MS / 60_000} minutes; giving up.`);
  process.exit(2);
}, WATCHDOG_MS);
watchdog.unref();

const startedAt = new Date();
const config = readBenchConfig(process.env);
const errors: string[] = [];

/** Runs one phase; a failure is recorded and reported, and the phases that do not need it still run. */
async function attempt<T>(name: string, task: () => Promise<T>): Promise<T | undefined> {
  try {
    return await task();
  } catch (error) {
    const message = `${name}: ${error instanceof Error ? error.message : String(error)}`;
    errors.push(message);
    progress(`FAILED ${message}`);
    return undefined;
  }
}

/** The default settings, where the extension's own pace binds: worked out from the measured wake gap. */
function defaultDrainEstimate(drain: DrainResult | undefined): DefaultDrainEstimate {
  const idle = drain?.alarms.idleBetweenWakesMs ?? [];
  const gapMs = idle.length ? median(idle) : FALLBACK_ALARM_GAP_MS;
  return {
    settings: { ...DEFAULT_SETTINGS },
    unpacked: { alarmGapMs: gapMs, ...estimateDrain(config.grants, DEFAULT_SETTINGS, gapMs) },
    packed: {
      alarmGapMs: PACKED_ALARM_MIN_MS,
      ...estimateDrain(config.grants, DEFAULT_SETTINGS, PACKED_ALARM_MIN_MS),
    },
  };
}

phase('Bundle sizes: what the popup and the worker load from dist/ (gzip: zlib default level)');
const bundles = {
  popup: walkBundle(POPUP_PAGE, distReader(DIST)),
  worker: walkBundle(workerEntry(DIST), distReader(DIST)),
};
for (const [name, bundle] of Object.entries(bundles)) {
  progress(`${name} ${formatBytes(bundle.gzipBytes)} gzipped (+ ${formatBytes(bundle.lazyGzipBytes)} lazy)`);
}

phase('Starting the sandbox and Chromium with the built extension (dist-sandbox/)');
const session = await startSession({ sandbox: { logLimit: SANDBOX_LOG_LIMIT } });
const chromium = session.browser.context.browser()?.version() ?? 'unknown';
progress(`Chromium ${chromium}, sandbox ${session.sandbox.url}`);

let settings: Settings | undefined;
let drain: DrainResult | undefined;
let popup: PopupResult | undefined;
let seedSeconds: number | undefined;
const coldStart: { noShops?: Summary; withShops?: Summary } = {};
try {
  const app = await session.addSandboxApp({ platform: 'lazada' });
  progress(`app profile "${app.name}" saved through apps.save (secret stored by the worker)`);

  phase(`Worker cold start to first reply, no shops (${config.coldStartRuns} runs)`);
  coldStart.noShops = await attempt('cold start (no shops)', () =>
    measureColdStart(session.control, config.coldStartRuns, 'no shops:'),
  );

  phase('Raising the extension caps through settings.save, so the sandbox cap binds');
  settings = await session.call('settings.save', config.extensionSettings);
  progress(`settings: ${JSON.stringify(settings)}`);

  phase(`Seeding ${formatCount(config.grants)} shops (real token.create calls, then IndexedDB)`);
  const seeded = await seedShops(session, { app, settings, count: config.grants });
  seedSeconds = seeded.seconds;

  phase(
    `Drain: ${formatCount(config.grants)} grants due at once, sandbox cap ${config.rateLimitPerSecond}/s`,
  );
  drain = await attempt('drain', () =>
    measureDrain(session, {
      seeded: seeded.grants,
      rateLimitPerSecond: config.rateLimitPerSecond,
      timeoutMs: config.drainTimeoutMs,
    }),
  );

  phase(`Popup with ${formatCount(config.grants)} shops (${config.popupRuns} runs)`);
  const search = handfulSearch(seeded.accounts);
  popup = await attempt('popup', () =>
    measurePopup(session.browser, {
      shops: config.grants,
      term: search.term,
      matches: search.matches,
      runs: config.popupRuns,
    }),
  );

  phase(
    `Worker cold start to first reply, ${formatCount(config.grants)} shops (${config.coldStartRuns} runs)`,
  );
  coldStart.withShops = await attempt('cold start (with shops)', () =>
    measureColdStart(session.control, config.coldStartRuns, 'with shops:'),
  );
} catch (error) {
  errors.push(error instanceof Error ? error.message : String(error));
} finally {
  await session.close().catch(() => {});
}

// The browser ran dist-sandbox/: its loads are compared with the walk of that build.
const bundleCheck =
  popup && compareWithLoaded(walkBundle(POPUP_PAGE, distReader(DIST_SANDBOX)), popup.loadedFiles);
const checks = [...(drain ? drainChecks(drain) : []), ...(bundleCheck ? [bundleWalkCheck(bundleCheck)] : [])];
const finishedAt = new Date();
const results: BenchResults = {
  startedAt: startedAt.toISOString(),
  finishedAt: finishedAt.toISOString(),
  durationSeconds: (finishedAt.getTime() - startedAt.getTime()) / 1000,
  machine: {
    platform: `${process.platform} ${release()}`,
    arch: process.arch,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    totalMemoryBytes: totalmem(),
    node: process.version,
    chromium,
  },
  config: { ...config, extensionSettingsUsed: settings },
  seeding: { seconds: seedSeconds },
  drain,
  defaultDrain: defaultDrainEstimate(drain),
  popup: popup && { ...popup, ...(bundleCheck ? { bundleCheck } : {}) },
  bundles,
  coldStart,
  checks,
  errors,
};

console.log(renderTable(resultSections(results)));
console.log(`\nChecks\n------\n${renderChecks(checks)}`);
for (const error of errors) console.log(`  error: ${error}`);
const written = await writeResults(RESULTS, results, startedAt);
console.log(`\nResults: ${written.map((path) => path.replace(`${ROOT}/`, '')).join(', ')}`);
// Explicit: a straggling handle (a browser that would not close) must not keep the process alive.
process.exit(errors.length > 0 || checks.some((check) => !check.ok) ? 1 : 0);
