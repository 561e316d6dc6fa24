/**
 * The worker, wired from injected stores and adapters (service-worker.ts passes the browser ones, tests
 * pass fakes).
 * Nothing important lives in memory: every event reads IndexedDB, and every start catches up on grants
 * that came due while the browser was closed, then re-arms the due alarm. A periodic safety alarm runs
 * the same catch-up, and every store call reports to the storage health, which a person sees.
 */

import { type AttemptDeps, expireInterruptedAttempt } from '../../grants/connect/attempts';
import type { ConnectDeps } from '../../grants/connect/connect-flow';
import { createCredentialsSource } from '../../grants/connect/credentials';
import { withHostAccess } from '../../grants/host-access-tokens';
import {
  createPacer,
  type DueWorkSummary,
  type RefreshDeps,
  refreshLockName,
  runDueWork,
} from '../../grants/lifecycle';
import { createMemoryRefreshJournal, replayRefreshJournal } from '../../grants/refresh-journal';
import { fetchShopName } from '../../grants/shop-name';
import { createShopSummarySource, type ShopSummarySource } from '../../grants/shop-summary-source';
import { STORAGE_NOTICE_PREFIX } from '../../grants/storage-health';
import { createMemoryToolAccessStore } from '../../grants/tools/access';
import type { ConsentWindow } from '../../grants/tools/ports';
import { createToolService, type ToolService } from '../../grants/tools/tool-service';
import { createApiClient } from '../../platforms/api-client';
import { cachedRead } from '../../shared/cached-read';
import { DUE_ALARM, SAFETY_ALARM } from '../adapters/alarm-scheduler';
import { grantIdFromNotificationId } from '../adapters/notifier';
import { createHandlers } from '../handlers';
import { listAppViews } from '../handlers/apps';
import { createToolsHandlers } from '../handlers/tools';
import type { Handlers } from '../messaging/request-parsers';
import type { ToolsHandlers } from '../messaging/tools-parsers';
import { DEFAULT_FLOW_TIMEOUT_MS, WAKE_BUDGET_MS, type WorkerDeps } from './deps';
import { logFailure } from './log-failure';
import type { ChangeSignal } from './ports';
import { createRearm } from './rearm';
import { createStorageHealthMonitor, memoryKeptValue } from './storage-health-monitor';
import { createStorageHealthReactions, healthAwareBadge } from './storage-health-reactions';
import { trackShopChanges } from './tracked-stores';
import { watchStores } from './watched-stores';

export const POPUP_PAGE = 'src/popup/index.html';
/** How long a finished login waits for the shop's name before it answers. */
const SHOP_NAME_WAIT_MS = 3_000;

export interface Worker {
  handlers: Handlers;
  /** The seller tools API, for other extensions (runtime.onMessageExternal) and allowed pages. */
  tools: ToolsHandlers;
  /** The web page origins allowed as tools (the bridge's check). */
  toolOrigins(): Promise<string[]>;
  /** A tool's port for shop changes (runtime.onConnectExternal). */
  subscribeTool: ToolService['subscribe'];
  /**
   * Expire an interrupted login, run what is due, re-arm (always, even when the rest failed).
   * Concurrent calls share one promise; a call that arrives during a run makes it run once more
   * before that promise settles.
   */
  catchUp(): Promise<DueWorkSummary>;
  onAlarm(name: string): Promise<void>;
  onStartup(): Promise<void>;
  onInstalled(): Promise<void>;
  onNotificationClicked(notificationId: string): Promise<void>;
  /** Due alarm at the earliest dueAt in the store, badge at the attention count, open pages told. */
  rearm(): Promise<void>;
  /** The shop summary `grants.query` and the badge read; told of every grant the worker writes. */
  shops: ShopSummarySource;
}

const passThrough = <T>(task: () => Promise<T>) => task();
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** No window to show: every request for access ends as a refusal. */
const noConsentWindow: ConsentWindow = {
  open: async () => ({ closed: Promise.resolve(), close: async () => {} }),
};

export function createWorker(deps: WorkerDeps): Worker {
  const { clock, locks } = deps;
  const health = createStorageHealthMonitor({
    kept: deps.storageHealth ?? memoryKeptValue(),
    clock,
    onChange: (change) => reactToStorageHealth(change),
  });
  const watched = watchStores(deps.stores, health);
  // In memory, but only a cache: rebuilt from IndexedDB, and told of every grant the worker writes.
  const shops = createShopSummarySource(watched);
  // The settings behind the rows' words, kept like the summary: the worker is their only writer.
  const viewSettings = cachedRead(() => watched.settings.get());
  // And the app list every popup opening asks for beside the shops (hasSecret included).
  const appViews = cachedRead(() =>
    listAppViews({ apps: watched.apps, secrets: watched.secrets, extensionId: deps.extension.id }),
  );
  const stores = trackShopChanges(watched, {
    changed: (ids) => shops.changed(ids),
    viewsChanged: () => {
      viewSettings.forget();
      shops.viewsChanged();
    },
    appsChanged: () => appViews.forget(),
  });
  // Subscribed seller tools hear what changed after open pages are told (bound once the service exists).
  let toolsHearChanges: () => Promise<void> = async () => {};
  const rearm = createRearm({
    ...stores,
    shops,
    scheduler: deps.scheduler,
    badge: healthAwareBadge(deps.badge, health),
    changes: {
      grantsChanged: async (...signal: Parameters<ChangeSignal['grantsChanged']>) => {
        await deps.changes.grantsChanged(...signal);
        void toolsHearChanges().catch(() => {});
      },
    },
    clock,
  });
  const reactToStorageHealth = createStorageHealthReactions({
    badge: deps.badge,
    notifier: deps.notifier,
    changes: deps.changes,
    // Unwatched: reading the setting must not report (and wait on) the health being changed.
    notificationsOn: async () => (await deps.stores.settings.get()).notifications,
    rearm: () => rearm(),
  });
  const credentials = createCredentialsSource(stores.apps, stores.secrets);
  const settings = () => stores.settings.get();
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const keepAwake = deps.keepAwake ?? passThrough;
  // Memory is only a cache here: the pace a wake learned from the gateway's limits, for the next wake.
  const pacer = createPacer();
  // Every token call, connect or refresh, checks host access first: without it nothing is sent.
  const tokens = withHostAccess(deps.tokens, deps.originAccess);

  const refresh: RefreshDeps = {
    grants: stores.grants,
    activity: stores.activity,
    settings,
    credentials,
    tokens,
    locks,
    clock,
    journal: deps.refreshJournal ?? createMemoryRefreshJournal(),
    keepAwake,
    // The grant's next refresh, the badge and open pages follow an answer nobody waited for any more.
    onLateAnswer: () => void rearm().catch(() => {}),
  };
  if (deps.random) refresh.random = deps.random;
  if (deps.startTimer) refresh.startTimer = deps.startTimer;
  if (deps.sleep) refresh.sleep = deps.sleep;

  const api = deps.api ?? createApiClient({ clock });

  const attempts: AttemptDeps = {
    attempts: stores.attempts,
    activity: stores.activity,
    clock,
    locks,
    live: new Set(),
    flowTimeoutMs: deps.flowTimeoutMs ?? DEFAULT_FLOW_TIMEOUT_MS,
  };
  const connect: ConnectDeps = {
    ...attempts,
    apps: stores.apps,
    grants: stores.grants,
    settings: stores.settings,
    tokens,
    credentials,
    authWindows: deps.authWindows,
    originAccess: deps.originAccess,
    keepAwake,
    extensionId: deps.extension.id,
    rearm,
    newId,
    // The name is worth a short wait, never a slow connect: past 3 s it lands later, or not at all.
    onConnected: (grant) =>
      Promise.race([
        fetchShopName({ ...stores, credentials, api, originAccess: deps.originAccess, rearm }, grant),
        new Promise((resolve) => setTimeout(resolve, SHOP_NAME_WAIT_MS)),
      ]),
  };

  const toolService = createToolService({
    access: deps.toolAccess ?? createMemoryToolAccessStore(),
    grants: stores.grants,
    apps: stores.apps,
    credentials,
    settings,
    clock,
    activity: stores.activity,
    refresh,
    rearm,
    api,
    // The pace refreshes use: a proxied call takes a turn from the same limiter.
    limiter: async () => pacer(await settings(), clock, deps.sleep ?? realSleep),
    consent: deps.consentWindow ?? noConsentWindow,
    originAccess: deps.originAccess,
    newId,
    keepAwake,
    ...(deps.pageBridges ? { bridges: deps.pageBridges } : {}),
  });

  toolsHearChanges = () => toolService.shopsChanged();

  const handlers = createHandlers({
    extension: deps.extension,
    apps: {
      ...stores,
      clock,
      extensionId: deps.extension.id,
      rearm,
      newId,
      originAccess: deps.originAccess,
      listViews: () => appViews.read(),
    },
    connect,
    // Views only: when storage fails, the list keeps the words it had (the banner explains).
    grants: { ...stores, shops, clock, settings: () => viewSettings.read(), refresh, rearm },
    settings: { settings: stores.settings, grants: stores.grants, clock, rearm },
    activity: stores.activity,
    health,
    backup: {
      ...stores,
      clock,
      locks,
      rearm,
      newId,
      ...(deps.random ? { random: deps.random } : {}),
      ...(deps.backupIterationsForTests ? { iterationsForTests: deps.backupIterationsForTests } : {}),
    },
    tools: toolService,
  });

  let running: Promise<DueWorkSummary> | undefined;
  // A trigger that arrives while a run is under way may come too late for it: above all the alarm that
  // run's own re-arm just set, which fires at once when work is left (unpacked builds have no minimum
  // delay). Joining the run would swallow that alarm and stall the rest until the next browser start.
  let runAgain = false;
  const journal = refresh.journal ?? createMemoryRefreshJournal();
  const rearmAfterWake = async () => {
    try {
      await deps.scheduler.ensureSafetyAlarm();
    } finally {
      await rearm();
    }
  };
  const runCatchUp = async (): Promise<DueWorkSummary> => {
    try {
      // First of all: a pair the platform rotated to whose commit the last worker never finished. If
      // this throws, no due work runs: it would send the spent token.
      await replayRefreshJournal({
        grants: stores.grants,
        journal,
        locks,
        lockName: refreshLockName,
        context: async () => ({
          now: clock.now(),
          settings: await settings(),
          random: deps.random ?? Math.random,
        }),
      });
      // A login left half-way must not hold up refreshes: its failure is rethrown once they ran.
      const expired = await expireInterruptedAttempt(attempts).then(
        () => undefined,
        (error: unknown) => ({ error }),
      );
      // A full disk ends only when a write succeeds; without one due, nothing else would show it.
      if (health.needsWriteToRecover()) await stores.settings.save({}).catch(() => {});
      const summary = await keepAwake(() =>
        runDueWork(
          { ...refresh, notifier: deps.notifier, pacer, ...(deps.sleep ? { sleep: deps.sleep } : {}) },
          { maxDurationMs: WAKE_BUDGET_MS },
        ),
      );
      if (expired) throw expired.error;
      return summary;
    } finally {
      // Even after a failed run: an alarm must exist, or nothing wakes the worker again.
      await rearmAfterWake();
      // What the next worker, woken by a popup, reads its shop list from: this wake's writes folded in.
      await stores.grants.saveListing().catch(logFailure('saving the shop listing'));
    }
  };
  const runUntilNoTriggerWaits = async (): Promise<DueWorkSummary> => {
    let summary = await runCatchUp();
    while (runAgain) {
      runAgain = false;
      summary = addedSummaries(summary, await runCatchUp());
    }
    return summary;
  };
  const catchUp = (): Promise<DueWorkSummary> => {
    if (running) {
      runAgain = true;
      return running;
    }
    runAgain = false;
    running = runUntilNoTriggerWaits().finally(() => {
      running = undefined;
    });
    return running;
  };
  const catchUpQuietly = async () => {
    await catchUp();
  };
  // So the browser does not evict the grants under storage pressure. Nothing depends on the answer.
  const requestDurableStorage = () => {
    deps.durableStorage
      ?.request()
      .then((granted) => console.info(`seller-auth: durable storage ${granted ? 'granted' : 'not granted'}`))
      .catch(logFailure('asking for durable storage'));
  };

  return {
    handlers,
    tools: createToolsHandlers(toolService),
    toolOrigins: () => toolService.listOrigins(),
    subscribeTool: (caller, post, end) => toolService.subscribe(caller, post, end),
    catchUp,
    rearm,
    shops,
    onAlarm: async (name) => {
      if (name === DUE_ALARM || name === SAFETY_ALARM) await catchUpQuietly();
    },
    onStartup: async () => {
      requestDurableStorage();
      await catchUpQuietly();
    },
    onInstalled: async () => {
      requestDurableStorage();
      await catchUpQuietly();
    },
    onNotificationClicked: async (notificationId) => {
      // A notice about storage: the popup's banner says what to do.
      if (notificationId.startsWith(STORAGE_NOTICE_PREFIX)) {
        await deps.openExtensionPage(POPUP_PAGE);
        return;
      }
      const grantId = grantIdFromNotificationId(notificationId);
      if (grantId === undefined) return;
      await deps.openExtensionPage(`${POPUP_PAGE}?grant=${encodeURIComponent(grantId)}`);
    },
  };
}

/** Two runs back to back as one: their counts added, the later run's view of what is left. */
function addedSummaries(first: DueWorkSummary, later: DueWorkSummary): DueWorkSummary {
  return {
    refreshed: first.refreshed + later.refreshed,
    failed: first.failed + later.failed,
    dead: first.dead + later.dead,
    reminded: first.reminded + later.reminded,
    skipped: first.skipped + later.skipped,
    rateLimited: first.rateLimited + later.rateLimited,
    nextDueAt: later.nextDueAt,
    stoppedEarly: later.stoppedEarly,
  };
}
