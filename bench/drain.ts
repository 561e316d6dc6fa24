/**
 * Phase 1: every seeded grant due at once, drained by the BUILT extension through its real alarm, with
 * the sandbox's rate cap binding. Measured from outside (sandbox log, IndexedDB, chrome.alarms, CDP heap)
 * while the worker runs undisturbed by anything but those reads.
 */
import type { LogEntry, Sandbox } from '../sandbox/types';
import { DUE_ALARM } from '../src/background/adapters/alarm-scheduler';
import type { Grant } from '../src/grants/model';
import type { Session } from '../test/support/session';
import { pollUntil, sampleEvery } from './polling';
import { progress, within } from './progress';
import { countBy, idleBeforeMarks, peakPerSecond } from './stats';
import { attachToServiceWorker, type WorkerDevTools } from './worker-cdp';
import { type RefreshTally, refreshTally } from './worker-idb';

type ExtensionWorker = Session['browser']['worker'];

/** `stalled`: no refresh succeeded for STALL_MS; `timed_out`: the run's time limit passed. */
export type DrainOutcome = 'drained' | 'stalled' | 'timed_out';

export interface DrainResult {
  grants: number;
  rateLimitPerSecond: number;
  outcome: DrainOutcome;
  /** Alarm created to the last grant stored refreshed (its lastRefreshedAt). */
  drainSeconds: number;
  refreshedPerSecond: number;
  /** token.refresh answers during the drain, by outcome (`0` = success). */
  refreshCalls: Record<string, number>;
  callsPerGrant: number;
  successesPerGrant: number;
  apiCallLimit: number;
  illegalRefreshToken: number;
  peakSuccessesInOneSecond: number;
  alarms: AlarmWatch & {
    /** The due alarm existed again once the drain was over. */
    rearmed: boolean;
    /** Times the due alarm fired during the drain. */
    wakes: number;
    /** Alarm created to its first firing. */
    firstWakeMs: number | undefined;
    /** Between one wake's last refresh call and the next wake. */
    idleBetweenWakesMs: number[];
  };
  heap: { method: string; beforeBytes: number; peakBytes: number; afterBytes: number; samples: number };
  stored: {
    refreshedOnce: number;
    connected: number;
    /** Stored access tokens the sandbox knows as the live one for that grant. */
    liveAccessTokens: number;
    rotatedRefreshTokens: number;
  };
}

interface AlarmWatch {
  samples: number;
  maxInUse: number;
  names: string[];
}

const POLL_MS = 1_000;
const PRINT_EVERY_MS = 5_000;
const HEAP_SAMPLE_MS = 250;
const ALARM_SAMPLE_MS = 500;
/** Refreshes go on throughout a wake and the next wake follows at once: no progress this long is a stall. */
const STALL_MS = 75_000;
/** Once nothing is due the wake ends and re-arms well within this. */
const REARM_WAIT_MS = 30_000;
const READ_TIMEOUT_MS = 30_000;
const HEAP_METHOD =
  'CDP Runtime.getHeapUsage (usedSize) on the service-worker target, sampled every 250 ms; before and after follow a forced GC (HeapProfiler.collectGarbage)';

interface BenchGlobal {
  __sellerAuthBenchWakes?: number[];
}

const isRefresh = (entry: LogEntry) => entry.endpoint === 'token.refresh';
const refreshAnswers = (sandbox: Sandbox, outcome: string) =>
  sandbox.log.filter((entry) => isRefresh(entry) && entry.outcome === outcome).length;

function alarmNames(worker: ExtensionWorker): Promise<string[]> {
  return worker.evaluate(async () => (await chrome.alarms.getAll()).map((alarm) => alarm.name));
}

/** Samples chrome.alarms in the worker until stopped; the stop resolves to what was seen. */
function watchAlarms(worker: ExtensionWorker): () => Promise<AlarmWatch> {
  const watch: AlarmWatch = { samples: 0, maxInUse: 0, names: [] };
  const stop = sampleEvery(ALARM_SAMPLE_MS, async () => {
    const names = await alarmNames(worker);
    watch.samples += 1;
    watch.maxInUse = Math.max(watch.maxInUse, names.length);
    watch.names = [...new Set([...watch.names, ...names])];
  });
  return async () => {
    await stop();
    return watch;
  };
}

/** Samples the worker's heap until stopped; the stop resolves to the peak and the sample count. */
function watchHeap(
  devtools: WorkerDevTools,
  floor: number,
): () => Promise<{ peak: number; samples: number }> {
  const seen = { peak: floor, samples: 0 };
  const stop = sampleEvery(HEAP_SAMPLE_MS, async () => {
    seen.peak = Math.max(seen.peak, (await devtools.heapUsage()).usedBytes);
    seen.samples += 1;
  });
  return async () => {
    await stop();
    return seen;
  };
}

/** Records when the due alarm fires, with a listener of its own beside the extension's. */
async function recordWakes(worker: ExtensionWorker): Promise<void> {
  await worker.evaluate((alarmName) => {
    const bench = globalThis as BenchGlobal;
    bench.__sellerAuthBenchWakes = [];
    chrome.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === alarmName) bench.__sellerAuthBenchWakes?.push(Date.now());
    });
  }, DUE_ALARM);
}

/** Waits for every grant to be refreshed upstream and stored, printing progress; ends on a stall or the limit. */
async function waitForDrain(
  session: Session,
  options: { count: number; since: number; timeoutMs: number },
): Promise<{ outcome: DrainOutcome; tally: RefreshTally }> {
  const { sandbox } = session;
  const { worker } = session.browser;
  const deadline = Date.now() + options.timeoutMs;
  let lastPrinted = 0;
  let lastDone = 0;
  let lastProgressAt = Date.now();
  const tally = () => within(READ_TIMEOUT_MS, 'reading IndexedDB', refreshTally(worker, options.since));
  const outcome = await pollUntil<DrainOutcome>(options.timeoutMs + READ_TIMEOUT_MS, POLL_MS, async () => {
    const done = refreshAnswers(sandbox, '0');
    if (done > lastDone) [lastDone, lastProgressAt] = [done, Date.now()];
    if (Date.now() - lastPrinted >= PRINT_EVERY_MS) {
      progress(
        `refreshed upstream ${done}/${options.count}, ApiCallLimit ${refreshAnswers(sandbox, 'ApiCallLimit')}`,
      );
      lastPrinted = Date.now();
    }
    if (done >= options.count && (await tally()).refreshed >= options.count) return 'drained';
    if (Date.now() >= deadline) return 'timed_out';
    if (Date.now() - lastProgressAt >= STALL_MS) return 'stalled';
    return undefined;
  });
  if (outcome !== 'drained') {
    const names = await alarmNames(worker).catch(() => ['(worker not answering)']);
    progress(
      `drain ${outcome ?? 'timed_out'} at ${lastDone}/${options.count}; alarms now: ${names.join(', ') || 'none'}`,
    );
  }
  return { outcome: outcome ?? 'timed_out', tally: await tally() };
}

/** Every stored grant, checked against the sandbox: refreshed, connected, holding the live pair. */
async function checkStored(session: Session, seeded: readonly Grant[], tally: RefreshTally) {
  const stored = await session.storedGrants();
  const seededRefresh = new Map(seeded.map((grant) => [grant.id, grant.refreshToken]));
  return {
    refreshedOnce: tally.refreshed,
    connected: stored.filter((grant) => grant.status === 'connected').length,
    liveAccessTokens: stored.filter((grant) => session.sandbox.inspectAccessToken(grant.accessToken)).length,
    rotatedRefreshTokens: stored.filter(
      (grant) => seededRefresh.has(grant.id) && seededRefresh.get(grant.id) !== grant.refreshToken,
    ).length,
  };
}

export async function measureDrain(
  session: Session,
  options: { seeded: readonly Grant[]; rateLimitPerSecond: number; timeoutMs: number },
): Promise<DrainResult> {
  const { sandbox } = session;
  const { worker, context } = session.browser;
  const count = options.seeded.length;
  sandbox.configure({ rateLimitPerSecond: options.rateLimitPerSecond });
  sandbox.clearLog();
  await recordWakes(worker);

  const devtools = await attachToServiceWorker(context, worker.url());
  await devtools.collectGarbage();
  const before = await devtools.heapUsage();
  const stopHeap = watchHeap(devtools, before.usedBytes);
  const stopAlarms = watchAlarms(worker);

  const triggeredAt = await worker.evaluate(async (alarmName) => {
    const when = Date.now();
    await chrome.alarms.create(alarmName, { when });
    return when;
  }, DUE_ALARM);
  progress(`alarm ${DUE_ALARM} created; sandbox cap ${options.rateLimitPerSecond}/s`);

  const { outcome, tally } = await waitForDrain(session, {
    count,
    since: triggeredAt,
    timeoutMs: options.timeoutMs,
  });
  const alarms = await stopAlarms();
  // The wake that stored the last grant ends by re-arming the due alarm (for the grants' next refresh).
  const afterDrain =
    (await pollUntil(REARM_WAIT_MS, ALARM_SAMPLE_MS, async () => {
      const names = await alarmNames(worker);
      return names.includes(DUE_ALARM) ? names : undefined;
    })) ?? (await alarmNames(worker));
  progress(
    afterDrain.includes(DUE_ALARM)
      ? `alarms after the drain: ${afterDrain.join(', ')}`
      : 'no due alarm re-armed after the drain',
  );
  const heap = await stopHeap();
  await devtools.collectGarbage();
  const after = await devtools.heapUsage();
  await devtools.detach();

  const log = sandbox.log.filter(isRefresh);
  const refreshCalls = countBy(log, (entry) => entry.outcome);
  const wakes = await worker.evaluate(() => (globalThis as BenchGlobal).__sellerAuthBenchWakes ?? []);
  const drainSeconds = (tally.lastRefreshedAt - triggeredAt) / 1000;
  progress('checking every stored grant against the sandbox');
  return {
    grants: count,
    rateLimitPerSecond: options.rateLimitPerSecond,
    outcome,
    drainSeconds,
    refreshedPerSecond: tally.refreshed / drainSeconds,
    refreshCalls,
    callsPerGrant: log.length / count,
    successesPerGrant: (refreshCalls['0'] ?? 0) / count,
    apiCallLimit: refreshCalls.ApiCallLimit ?? 0,
    illegalRefreshToken: refreshCalls.IllegalRefreshToken ?? 0,
    peakSuccessesInOneSecond: peakPerSecond(
      log.filter((entry) => entry.outcome === '0').map((entry) => entry.time),
    ),
    alarms: {
      samples: alarms.samples + 1,
      maxInUse: Math.max(alarms.maxInUse, afterDrain.length),
      names: [...new Set([...alarms.names, ...afterDrain])],
      rearmed: afterDrain.includes(DUE_ALARM),
      wakes: wakes.length,
      firstWakeMs: wakes[0] === undefined ? undefined : wakes[0] - triggeredAt,
      idleBetweenWakesMs: idleBeforeMarks(
        log.map((entry) => entry.time),
        wakes,
      ),
    },
    heap: {
      method: HEAP_METHOD,
      beforeBytes: before.usedBytes,
      peakBytes: heap.peak,
      afterBytes: after.usedBytes,
      samples: heap.samples,
    },
    stored: await checkStored(session, options.seeded, tally),
  };
}
