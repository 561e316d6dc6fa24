/**
 * The worker, wired from injected stores and adapters (service-worker.ts passes the browser ones, tests
 * pass fakes).
 * Nothing important lives in memory: every event reads IndexedDB, and every start catches up on grants
 * that came due while the browser was closed, then re-arms the one alarm.
 */

import { type AttemptDeps, expireInterruptedAttempt } from '../../grants/connect/attempts';
import type { ConnectDeps } from '../../grants/connect/connect-flow';
import { createCredentialsSource } from '../../grants/connect/credentials';
import { createPacer, type DueWorkSummary, type RefreshDeps, runDueWork } from '../../grants/lifecycle';
import { DUE_ALARM } from '../adapters/alarm-scheduler';
import { grantIdFromNotificationId } from '../adapters/notifier';
import { createHandlers } from '../handlers';
import type { Handlers } from '../messaging/request-parsers';
import { DEFAULT_FLOW_TIMEOUT_MS, WAKE_BUDGET_MS, type WorkerDeps } from './deps';
import { createRearm } from './rearm';

export const POPUP_PAGE = 'src/popup/index.html';

export interface Worker {
  handlers: Handlers;
  /**
   * Expire an interrupted login, run what is due, re-arm. Concurrent calls share one promise; a call
   * that arrives during a run makes it run once more before that promise settles.
   */
  catchUp(): Promise<DueWorkSummary>;
  onAlarm(name: string): Promise<void>;
  onStartup(): Promise<void>;
  onInstalled(): Promise<void>;
  onNotificationClicked(notificationId: string): Promise<void>;
  /** Alarm at the earliest dueAt in the store, badge at the attention count, open pages told. */
  rearm(): Promise<void>;
}

const passThrough = <T>(task: () => Promise<T>) => task();

export function createWorker(deps: WorkerDeps): Worker {
  const { stores, clock, locks } = deps;
  const rearm = createRearm({
    ...stores,
    scheduler: deps.scheduler,
    badge: deps.badge,
    changes: deps.changes,
    clock,
  });
  const credentials = createCredentialsSource(stores.apps, stores.secrets);
  const settings = () => stores.settings.get();
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const keepAwake = deps.keepAwake ?? passThrough;
  // Memory is only a cache here: the pace a wake learned from the gateway's limits, for the next wake.
  const pacer = createPacer();

  const refresh: RefreshDeps = {
    grants: stores.grants,
    activity: stores.activity,
    settings,
    credentials,
    tokens: deps.tokens,
    locks,
    clock,
  };
  if (deps.random) refresh.random = deps.random;

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
    tokens: deps.tokens,
    credentials,
    authWindows: deps.authWindows,
    originAccess: deps.originAccess,
    keepAwake,
    extensionId: deps.extension.id,
    rearm,
    newId,
  };

  const handlers = createHandlers({
    extension: deps.extension,
    apps: { ...stores, clock, extensionId: deps.extension.id, rearm, newId },
    connect,
    grants: { ...stores, clock, settings, refresh, rearm },
    settings: { settings: stores.settings, grants: stores.grants, clock, rearm },
    activity: stores.activity,
  });

  let running: Promise<DueWorkSummary> | undefined;
  // A trigger that arrives while a run is under way may come too late for it: above all the alarm that
  // run's own re-arm just set, which fires at once when work is left (unpacked builds have no minimum
  // delay). Joining the run would swallow that alarm and stall the rest until the next browser start.
  let runAgain = false;
  const runCatchUp = async (): Promise<DueWorkSummary> => {
    await expireInterruptedAttempt(attempts);
    try {
      return await keepAwake(() =>
        runDueWork(
          { ...refresh, notifier: deps.notifier, pacer, ...(deps.sleep ? { sleep: deps.sleep } : {}) },
          { maxDurationMs: WAKE_BUDGET_MS },
        ),
      );
    } finally {
      // Even after a failed run: the alarm must exist, or nothing wakes the worker again.
      await rearm();
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

  return {
    handlers,
    catchUp,
    rearm,
    onAlarm: async (name) => {
      if (name === DUE_ALARM) await catchUpQuietly();
    },
    onStartup: catchUpQuietly,
    onInstalled: catchUpQuietly,
    onNotificationClicked: async (notificationId) => {
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
