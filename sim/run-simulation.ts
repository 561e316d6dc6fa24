/**
 * One simulated run: a browser pattern, a refresh policy, a population, a fault plan, a seed. The event
 * loop jumps the virtual clock from event to event (the browser opening or closing, the armed alarm, a
 * seller connecting, a fault starting or ending); everything between is the real extension code doing
 * what it does, on the same clock.
 */
import { EXTENSION_CALLBACK_URL } from '../sandbox/demo-data';
import { startSandbox } from '../sandbox/index';
import { DEFAULT_TOKEN_TIMEOUT_MS } from '../src/platforms/token-client';
import type { Settings } from '../src/shared/model';
import { availability, type PatternName } from './availability';
import { Book, type ForcedReauthorization, type ReminderFigures } from './book';
import { SimBrowser } from './browser';
import { activeFault, applyFaults, type FaultChoice, faultWindows } from './fault-plan';
import { createNetwork } from './network';
import { population, type Shop, SIM_APPS, sandboxApps } from './population';
import { streamFor } from './random';
import { DAY_MS, HOUR_MS, MINUTE_MS, MONTH_MS, SECOND_MS, SIM_START } from './time';
import { VirtualClock } from './virtual-clock';

export type PolicyName = 'lead_30_min' | 'keep_3_days';

export const POLICY_LABELS: Record<PolicyName, string> = {
  lead_30_min: '30-min lead only',
  keep_3_days: 'keep 3 days (default)',
};

/** Each policy as the settings a person would save. */
export const POLICY_SETTINGS: Record<PolicyName, Partial<Settings>> = {
  lead_30_min: { refreshLeadMinutes: 30, keepAccessDays: 0 },
  keep_3_days: { refreshLeadMinutes: 30, keepAccessDays: 3 },
};

/**
 * One refresh at a time: with several in flight, the order real HTTP answers come back in (against
 * fake-indexeddb's own scheduling) would change which grant draws which jitter, and a run would not
 * repeat exactly. Pace and policy are untouched; a backlog just drains a little slower.
 */
const SIMULATION_SETTINGS: Partial<Settings> = { maxConcurrentRefreshes: 1 };

export interface FaultMix extends FaultChoice {
  /** 1% of refresh answers dropped after processing, 1% later than the client's timeout. */
  lostAnswers: boolean;
}

export const ALL_FAULTS: FaultMix = { outage: true, storm: true, lostAnswers: true };

export interface RunOptions {
  seed: number;
  days: number;
  shops: number;
  pattern: PatternName;
  policy: PolicyName;
  faults: FaultMix;
}

export interface RunResult {
  options: RunOptions;
  downtime: {
    meanMinutesPerShop: number;
    /** The part of the mean spent dead after a grant died before its deadline, until authorized again. */
    meanMinutesWhileDead: number;
    maxMinutes: number;
    shopsAffected: number;
  };
  /** Grants that died before their deadline although a refresh could have saved them: must be 0. */
  avoidableLosses: { total: number; afterSlowAnswer: number; other: number };
  /** Grants that died holding a token whose refresh answer was dropped after the platform rotated. */
  lostToDroppedAnswers: number;
  forced: {
    total: number;
    atDeadline: number;
    warned7DaysAhead: number;
    openInLast7Days: number;
    warnedInLast7DaysWhenOpen: number;
  };
  reminders: ReminderFigures;
  calls: { create: number; refresh: number; perShopPerMonth: number; refreshPerShopPerMonth: number };
  alarms: { maxInUse: number; fired: number };
  browserStarts: number;
  forcedList: ForcedReauthorization[];
  wallMs: number;
}

/** Virtual round trip of a token call. */
const ROUND_TRIP_MS = 300;
/** A seller whose grant died authorizes again this long after it is noticed (at the next browser start at the latest). */
const REAUTHORIZE_AFTER_MS = 10 * MINUTE_MS;
/** A connect that failed (the gateway was down) is tried again this much later. */
const CONNECT_RETRY_MS = HOUR_MS;

interface PendingConnect {
  at: number;
  reauthorizeGrantId?: string;
}

export async function runSimulation(options: RunOptions): Promise<RunResult> {
  // The connect flow plans a new grant's first refresh with the default randomness (Math.random), not
  // the worker's injected one: seed it too for the run, or no two runs would be alike.
  const unseeded = Math.random;
  Math.random = streamFor(options.seed, 'Math.random');
  try {
    return await simulate(options);
  } finally {
    Math.random = unseeded;
  }
}

async function simulate(options: RunOptions): Promise<RunResult> {
  const started = performance.now();
  const start = SIM_START;
  const end = start + options.days * DAY_MS;
  const clock = new VirtualClock(start);
  const shops = population(options.shops, start, streamFor(options.seed, 'population'));
  const browserDays = availability(options.pattern, {
    start,
    days: options.days,
    random: streamFor(options.seed, `availability:${options.pattern}`),
  });
  const windows = faultWindows(start, options.days, options.faults);

  const sandbox = await startSandbox({
    clock: { now: clock.now, sleep: clock.sleep },
    apps: sandboxApps(EXTENSION_CALLBACK_URL),
    sellers: shops.map((shop) => shop.seller),
    logLimit: 50,
  });
  try {
    const network = createNetwork({
      clock,
      sandbox,
      random: streamFor(options.seed, 'network'),
      latencyMs: ROUND_TRIP_MS,
      lost: options.faults.lostAnswers
        ? { droppedShare: 0.01, slowShare: 0.01, slowDelayMs: DEFAULT_TOKEN_TIMEOUT_MS + 5 * SECOND_MS }
        : { droppedShare: 0, slowShare: 0, slowDelayMs: 0 },
      standingFault: () => activeFault(windows, clock.now()) !== undefined,
    });
    const browser = new SimBrowser({ clock, sandbox, network, random: streamFor(options.seed, 'extension') });
    const book = new Book(shops, sandbox, network.lostAnswers);
    const pending = new Map<number, PendingConnect>(
      shops.map((shop) => [shop.index, { at: shop.wantsToConnectAt }]),
    );
    const edges = windows.flatMap((window) => [window.from, window.to]).sort((a, b) => a - b);
    let setUp = false;
    let noticesSeen = 0;

    const observe = async () => {
      const now = clock.now();
      for (const notice of browser.notices.slice(noticesSeen)) book.notice(notice);
      noticesSeen = browser.notices.length;
      for (const grant of await browser.takeDirty()) {
        const died = book.observe(grant, now);
        if (died) pending.set(died.index, { at: now + REAUTHORIZE_AFTER_MS, reauthorizeGrantId: grant.id });
      }
    };

    const connect = async (shop: Shop, request: PendingConnect) => {
      const attempt = await browser.connect(shop, request.reauthorizeGrantId);
      await observe();
      const grant = attempt.grantId ? await browser.grant(attempt.grantId) : undefined;
      if (attempt.phase === 'succeeded' && grant) {
        pending.delete(shop.index);
        book.authorized(shop, grant, clock.now());
      } else {
        request.at = clock.now() + CONNECT_RETRY_MS;
      }
    };

    applyFaults(sandbox, windows, clock.now());
    for (;;) {
      const now = clock.now();
      if (now >= end) break;
      if (edges[0] !== undefined && edges[0] <= now) {
        while (edges[0] !== undefined && edges[0] <= now) edges.shift();
        applyFaults(sandbox, windows, now);
      }
      const open = browserDays.isOpen(now);
      if (!open && browser.isRunning) await browser.stop();
      if (open && !browser.isRunning) {
        await browser.start();
        if (!setUp) {
          await browser.setUp(SIM_APPS, { ...POLICY_SETTINGS[options.policy], ...SIMULATION_SETTINGS });
          setUp = true;
        }
        await observe();
        continue;
      }
      if (browser.isRunning) {
        const due = [...pending].filter(([, request]) => request.at <= now).sort((a, b) => a[1].at - b[1].at);
        if (due.length > 0) {
          for (const [index, request] of due) await connect(shops[index] as Shop, request);
          continue;
        }
        const alarmAt = browser.alarmAt;
        if (alarmAt !== undefined && alarmAt <= now) {
          await browser.fireAlarm();
          await observe();
          continue;
        }
      }
      const next = [
        end,
        edges[0],
        browserDays.nextEdgeAfter(now),
        ...(browser.isRunning
          ? [browser.alarmAt, ...[...pending.values()].map((request) => request.at)]
          : []),
      ].filter((at): at is number => at !== undefined);
      clock.advanceTo(Math.max(now, Math.min(...next)));
    }
    if (browser.isRunning) await browser.stop();
    book.close(end);
    const downtime = book.downtimeMinutes();
    const forcedList = book.forcedReauthorizations(browserDays);
    const atDeadline = forcedList.filter((forced) => !forced.beforeDeadline);
    const avoidable = forcedList.filter((forced) => forced.avoidable);
    const months = (options.days * DAY_MS) / MONTH_MS;
    const calls = network.calls.create + network.calls.refresh;
    return {
      options,
      downtime: {
        meanMinutesPerShop: downtime.reduce((sum, shop) => sum + shop.total, 0) / shops.length,
        meanMinutesWhileDead: downtime.reduce((sum, shop) => sum + shop.whileDead, 0) / shops.length,
        maxMinutes: Math.max(0, ...downtime.map((shop) => shop.total)),
        shopsAffected: downtime.filter((shop) => shop.total > 0).length,
      },
      avoidableLosses: {
        total: avoidable.length,
        afterSlowAnswer: avoidable.filter((forced) => forced.lostAnswer === 'slow').length,
        other: avoidable.filter((forced) => forced.lostAnswer === undefined).length,
      },
      lostToDroppedAnswers: forcedList.filter(
        (forced) => forced.beforeDeadline && forced.lostAnswer === 'dropped',
      ).length,
      forced: {
        total: forcedList.length,
        atDeadline: atDeadline.length,
        warned7DaysAhead: atDeadline.filter((forced) => forced.warned7DaysAhead).length,
        openInLast7Days: atDeadline.filter((forced) => forced.openInLast7Days).length,
        warnedInLast7DaysWhenOpen: atDeadline.filter(
          (forced) => forced.openInLast7Days && forced.warnedInLast7Days,
        ).length,
      },
      reminders: book.reminders(browserDays, end),
      calls: {
        create: network.calls.create,
        refresh: network.calls.refresh,
        perShopPerMonth: calls / shops.length / months,
        refreshPerShopPerMonth: network.calls.refresh / shops.length / months,
      },
      alarms: { maxInUse: browser.counts.maxAlarmsArmed, fired: browser.counts.alarmsFired },
      browserStarts: browser.counts.starts,
      forcedList,
      wallMs: performance.now() - started,
    };
  } finally {
    await sandbox.close();
  }
}
