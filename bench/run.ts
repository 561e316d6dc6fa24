/**
 * `npm run bench`: the built extension in headless Chromium against the in-process sandbox.
 *   1. 5,000 grants due at once, drained through the real alarm with the sandbox's rate cap binding;
 *   1b. the same 5,000 due again, drained at the DEFAULT settings (4 at once, 300 a minute): measured;
 *   2. the popup at 50, 5,000 and 20,000 shops: first row and first reply; at 5,000 also a search, each
 *      filter, and the reply after a change signal naming one shop;
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
import { catalogSizes, compareWithLoaded, distReader, walkBundle, workerEntry } from './bundle-size';
import { bundleWalkCheck, drainChecks } from './checks';
import { createWorkerStopper, measureColdStart } from './cold-start';
import { readBenchConfig } from './config';
import { type DrainResult, measureDrain } from './drain';
import { estimateDrain, PACKED_ALARM_MIN_MS } from './extrapolate';
import {
  measurePopup,
  measurePopupAt,
  measurePopupWakingWorker,
  POPUP_PAGE,
  type PopupResult,
  type PopupScaleResult,
} from './popup-timing';
import { phase, progress } from './progress';
import { formatBytes, formatCount, renderChecks, renderTable, writeResults } from './report';
import type { BenchResults, DefaultDrainEstimate } from './results';
import { listOnlyGrants, seedShops } from './seed-grants';
import { median, type Summary } from './stats';
import { resultSections } from './summary-table';
import { deleteGrants, makeAllDue, writeGrants } from './worker-idb';

const ROOT = resolve(import.meta.dirname, '..');
const DIST = resolve(ROOT, 'dist');
const DIST_SANDBOX = resolve(ROOT, 'dist-sandbox');
const RESULTS = resolve(ROOT, 'bench/results');
/** Whatever happens, the process ends: a hung browser must not hold a shared machine. */
const WATCHDOG_MS = 50 * 60_000;
/** The default pace (300 a minute) drains 5,000 in about 17 minutes; a stuck drain still ends the run. */
const DEFAULT_DRAIN_TIMEOUT_MS = 30 * 60_000;
const SMALL_LIST = 50;
const LARGE_LIST = 20_000;
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
const catalogs = catalogSizes(DIST);
progress(`language catalogs: ${catalogs.map((c) => `${c.language} ${formatBytes(c.gzipBytes)}`).join(', ')}`);

phase('Starting the sandbox and Chromium with the built extension (dist-sandbox/)');
const session = await startSession({ sandbox: { logLimit: SANDBOX_LOG_LIMIT } });
const chromium = session.browser.context.browser()?.version() ?? 'unknown';
progress(`Chromium ${chromium}, sandbox ${session.sandbox.url}`);

let settings: Settings | undefined;
let drain: DrainResult | undefined;
let defaultDrainMeasured: DrainResult | undefined;
let popup: PopupResult | undefined;
const popupAt: PopupScaleResult[] = [];
let seedSeconds: number | undefined;
const coldStart: { noShops?: Summary; withShops?: Summary } = {};

/** Keeps a shop count's popup figures, with as many openings again that each wake a stopped worker. */
async function keepPopupFigures(result: PopupScaleResult | undefined): Promise<void> {
  if (!result) return;
  popupAt.push(result);
  const stopper = await createWorkerStopper(session.control);
  try {
    // One wake first: its catch-up saves the listing the bench's straight writes cleared, as any wake
    // after real writes would have.
    await stopper.stop();
    await session.call('extension.info', undefined);
    const asleep = await attempt(`popup waking the worker (${result.shops} shops)`, () =>
      measurePopupWakingWorker(session.browser, {
        shops: result.shops,
        runs: config.popupRuns,
        stopWorker: stopper.stop,
      }),
    );
    if (asleep) result.workerAsleepMs = asleep;
  } finally {
    await stopper.close();
  }
}

try {
  const app = await session.addSandboxApp({ platform: 'lazada' });
  progress(`app profile "${app.name}" saved through apps.save (secret stored by the worker)`);

  phase(`Worker cold start to first reply, no shops (${config.coldStartRuns} runs)`);
  coldStart.noShops = await attempt('cold start (no shops)', () =>
    measureColdStart(session.control, config.coldStartRuns, 'no shops:'),
  );

  phase(`Popup with ${SMALL_LIST} shops (${config.popupRuns} runs)`);
  const small = listOnlyGrants(app.id, SMALL_LIST);
  await writeGrants(session.browser.worker, small);
  const smallRun = await attempt('popup (50 shops)', () =>
    measurePopupAt(session.browser, { shops: SMALL_LIST, runs: config.popupRuns }),
  );
  await keepPopupFigures(smallRun);
  await deleteGrants(
    session.browser.worker,
    small.map((grant) => grant.id),
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

  phase(
    `Drain at the DEFAULT settings: ${formatCount(config.grants)} grants due again, ${DEFAULT_SETTINGS.maxConcurrentRefreshes} at once, ${DEFAULT_SETTINGS.maxRefreshesPerMinute}/min`,
  );
  await session.call('settings.save', {
    maxConcurrentRefreshes: DEFAULT_SETTINGS.maxConcurrentRefreshes,
    maxRefreshesPerMinute: DEFAULT_SETTINGS.maxRefreshesPerMinute,
  });
  const madeDue = await makeAllDue(session.browser.worker, Date.now());
  progress(`${madeDue} grants due again (access ending in 15 min, renewed an hour ago)`);
  const dueAgain = await session.storedGrants();
  defaultDrainMeasured = await attempt('default-settings drain', () =>
    measureDrain(session, {
      seeded: dueAgain,
      rateLimitPerSecond: config.rateLimitPerSecond,
      timeoutMs: DEFAULT_DRAIN_TIMEOUT_MS,
    }),
  );

  phase(`Popup with ${formatCount(config.grants)} shops (${config.popupRuns} runs)`);
  // A second app, so the popup offers the app filter (it has no shops: the filter empties the list).
  const secondApp = await session.addSandboxApp({ platform: 'lazada', name: 'Second app' });
  const search = handfulSearch(seeded.accounts);
  const someShop = seeded.grants[Math.floor(seeded.grants.length / 3)]?.id;
  popup = await attempt('popup', () =>
    measurePopup(session.browser, {
      shops: config.grants,
      term: search.term,
      matches: search.matches,
      runs: config.popupRuns,
      filters: [
        { name: 'platform', label: 'Platform', value: 'aliexpress' },
        { name: 'status', label: 'Status', value: 'attention' },
        { name: 'country', label: 'Country', value: 'my' },
        { name: 'app', label: 'Filter by app', value: secondApp.id },
      ],
      ...(someShop ? { refreshOne: () => session.call('grants.refresh', { grantId: someShop }) } : {}),
    }),
  );
  if (popup)
    await keepPopupFigures({
      shops: popup.shops,
      firstRowMs: popup.firstRowMs,
      listReplyBytes: popup.listReplyBytes,
    });

  phase(
    `Worker cold start to first reply, ${formatCount(config.grants)} shops (${config.coldStartRuns} runs)`,
  );
  coldStart.withShops = await attempt('cold start (with shops)', () =>
    measureColdStart(session.control, config.coldStartRuns, 'with shops:'),
  );

  phase(`Popup with ${formatCount(LARGE_LIST)} shops (${config.popupRuns} runs)`);
  await writeGrants(session.browser.worker, listOnlyGrants(app.id, LARGE_LIST - config.grants, SMALL_LIST));
  const largeRun = await attempt('popup (20,000 shops)', () =>
    measurePopupAt(session.browser, { shops: LARGE_LIST, runs: config.popupRuns }),
  );
  await keepPopupFigures(largeRun);
} catch (error) {
  errors.push(error instanceof Error ? error.message : String(error));
} finally {
  await session.close().catch(() => {});
}

// The browser ran dist-sandbox/: its loads are compared with the walk of that build.
const bundleCheck =
  popup && compareWithLoaded(walkBundle(POPUP_PAGE, distReader(DIST_SANDBOX)), popup.loadedFiles);
const checks = [
  ...(drain ? drainChecks(drain) : []),
  ...(defaultDrainMeasured
    ? drainChecks(defaultDrainMeasured).map((check) => ({
        ...check,
        name: `default settings: ${check.name}`,
      }))
    : []),
  ...(bundleCheck ? [bundleWalkCheck(bundleCheck)] : []),
];
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
  defaultDrainMeasured,
  popup: popup && { ...popup, ...(bundleCheck ? { bundleCheck } : {}) },
  popupAt,
  bundles,
  catalogs,
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
