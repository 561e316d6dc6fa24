/**
 * One simulated Chrome profile running the REAL worker (`createWorker`, the function the service
 * worker's entry builds) over IndexedDB on fake-indexeddb, with the real token client. The profile's
 * IndexedDB outlives the browser; nothing else does. `start` is a browser start: a new worker, with no
 * memory, runs the catch-up the service worker runs on every start. `stop` is the browser closing: the
 * worker and its state are gone and the alarm with them (Chrome may keep alarms over a restart; the
 * simulation does not count on it). The browser-facing ports are small recorders: the scheduler keeps
 * the armed time.
 */
import 'fake-indexeddb/auto';
import { EXTENSION_CALLBACK_URL } from '../sandbox/demo-data';
import type { Sandbox } from '../sandbox/types';
import { DUE_ALARM } from '../src/background/adapters/alarm-scheduler';
import { parseRequest } from '../src/background/messaging/request-parsers';
import { createWorker, type Worker } from '../src/background/wiring/worker';
import { type Grant, NEVER_DUE } from '../src/grants/model';
import type { GrantStore, LockManager, Notifier } from '../src/grants/ports';
import { connectSellerAuthDb, createStores, type SellerAuthDbConnection } from '../src/grants/store';
import { createTokenClient } from '../src/platforms/token-client';
import type { AppView, AttemptView, Settings } from '../src/shared/model';
import type { Network } from './network';
import type { Shop, SimApp } from './population';
import { SECOND_MS } from './time';
import type { VirtualClock } from './virtual-clock';

/** Packed extensions: Chrome fires an alarm no sooner than 30 s after it was set. */
export const MIN_ALARM_DELAY_MS = 30 * SECOND_MS;

const EXTENSION_ID = new URL(EXTENSION_CALLBACK_URL).hostname.split('.')[0] as string;

export interface ShownNotice {
  at: number;
  grantId: string;
  kind: 'reminder' | 'needs_authorization';
}

export interface BrowserOptions {
  clock: VirtualClock;
  sandbox: Sandbox;
  network: Network;
  /** The extension's own randomness (jitter, backoff), seeded. */
  random: () => number;
}

/** Per-name exclusive locks in one process, like Web Locks in one browser. */
function createLocks(): LockManager {
  const tails = new Map<string, Promise<unknown>>();
  return {
    withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
      const run = (tails.get(name) ?? Promise.resolve()).then(task, task);
      tails.set(
        name,
        run.catch(() => {}),
      );
      return run;
    },
  };
}

/** The grant store, telling which grants were written: only those are read again after a step. */
function tapped(store: GrantStore, dirty: Set<string>): GrantStore {
  return {
    ...store,
    put: async (grant) => {
      dirty.add(grant.id);
      await store.put(grant);
    },
    update: (id, change) => {
      dirty.add(id);
      return store.update(id, change);
    },
    remove: (id) => {
      dirty.add(id);
      return store.remove(id);
    },
  };
}

interface Running {
  worker: Worker;
  connection: SellerAuthDbConnection;
  grants: GrantStore;
}

export class SimBrowser {
  /** The profile's IndexedDB: survives every restart. */
  private readonly factory = new IDBFactory();
  private running: Running | undefined;
  private armed: { when: number; setAt: number } | undefined;
  private loginAs: Shop | undefined;
  private ids = 0;
  /** Grants written since `takeDirty` was last called. */
  private dirty = new Set<string>();
  readonly notices: ShownNotice[] = [];
  readonly appIds = new Map<string, string>();
  /** How many times each thing happened, for the report. */
  readonly counts = { starts: 0, alarmsFired: 0, maxAlarmsArmed: 0 };

  constructor(private readonly options: BrowserOptions) {}

  get isRunning(): boolean {
    return this.running !== undefined;
  }

  /** When the armed alarm fires (undefined: none armed, or the browser is closed). */
  get alarmAt(): number | undefined {
    return this.armed && Math.max(this.armed.when, this.armed.setAt + MIN_ALARM_DELAY_MS);
  }

  /** Browser start: a fresh worker runs what the service worker runs at start and on `runtime.onStartup`. */
  async start(): Promise<void> {
    if (this.running) return;
    const { clock, network, random } = this.options;
    const connection = connectSellerAuthDb({ factory: this.factory });
    const stores = createStores(connection);
    const grants = tapped(stores.grants, this.dirty);
    const notifier: Notifier = {
      notify: async ({ grantId, id }) => {
        if (grantId === undefined) return; // about storage, which the simulation does not break
        const kind = id.endsWith(':reminder') ? 'reminder' : 'needs_authorization';
        this.notices.push({ at: clock.now(), grantId, kind });
      },
    };
    const worker = createWorker({
      stores: { ...stores, grants },
      tokens: createTokenClient({ fetch: network.fetch, clock, startTimer: clock.startTimer }),
      startTimer: clock.startTimer,
      clock,
      locks: createLocks(),
      notifier,
      scheduler: {
        arm: async (when) => {
          this.armed = when === undefined || when >= NEVER_DUE ? undefined : { when, setAt: clock.now() };
          this.counts.maxAlarmsArmed = Math.max(this.counts.maxAlarmsArmed, this.armed ? 1 : 0);
        },
        // The net for a lost due alarm; the simulated browser never loses one while it runs.
        ensureSafetyAlarm: async () => {},
      },
      badge: { show: async () => {}, showStorageFailure: async () => {} },
      changes: { grantsChanged: async () => {} },
      authWindows: {
        identity: { open: (authorizeUrl, redirectUri) => this.login(authorizeUrl, redirectUri) },
        tab: { open: () => Promise.reject(new Error('the simulated apps use the identity callback')) },
      },
      originAccess: { has: async () => true },
      openExtensionPage: async () => {},
      extension: { id: EXTENSION_ID, identityCallbackUrl: EXTENSION_CALLBACK_URL },
      random,
      newId: () => `sim-${++this.ids}`,
      sleep: clock.sleep,
    });
    this.running = { worker, connection, grants };
    this.counts.starts += 1;
    // The service worker calls catchUp() when it starts and again from onStartup: the second joins or follows.
    await Promise.all([worker.catchUp(), worker.onStartup()]);
  }

  /** Browser closed: the worker and everything in its memory are gone; IndexedDB stays. */
  async stop(): Promise<void> {
    const running = this.running;
    if (!running) return;
    this.running = undefined;
    this.armed = undefined;
    (await running.connection()).close();
  }

  /** Chrome fires the alarm: the worker's onAlarm runs (it re-arms before it returns). */
  async fireAlarm(): Promise<void> {
    const running = this.require();
    this.armed = undefined;
    this.counts.alarmsFired += 1;
    await running.worker.onAlarm(DUE_ALARM);
  }

  /**
   * Adds the apps through the options page's `apps.save` (parsed as the router would), pointed at the
   * sandbox, and saves the settings.
   */
  async setUp(apps: readonly SimApp[], settings: Partial<Settings>): Promise<void> {
    const { handlers } = this.require().worker;
    const { authorizeUrl, tokenCreateUrl, tokenRefreshUrl } = this.options.sandbox.endpoints;
    for (const app of apps) {
      const saved: AppView = await handlers['apps.save'](
        parseRequest('apps.save', {
          name: app.name,
          platform: app.platform,
          appKey: app.appKey,
          appSecret: app.appSecret,
          callbackUrl: EXTENSION_CALLBACK_URL,
          endpoints: { authorizeUrl, tokenCreateUrl, tokenRefreshUrl },
        }),
      );
      this.appIds.set(app.appKey, saved.id);
    }
    await handlers['settings.save'](parseRequest('settings.save', settings));
  }

  /** "Connect shop" (or "Authorize again") from the popup; the seller approves in the login window. */
  async connect(shop: Shop, reauthorizeGrantId?: string): Promise<AttemptView> {
    const { handlers } = this.require().worker;
    const appId = this.appIds.get(shop.app.appKey);
    if (!appId) throw new Error(`app ${shop.app.appKey} was not set up`);
    this.loginAs = shop;
    try {
      return await handlers['connect.start']({
        appId,
        ...(reauthorizeGrantId ? { reauthorizeGrantId } : {}),
      });
    } finally {
      this.loginAs = undefined;
    }
  }

  async grant(id: string): Promise<Grant | undefined> {
    return this.require().grants.get(id);
  }

  /** Reads grants the last step wrote; clears the list. */
  async takeDirty(): Promise<Grant[]> {
    const running = this.require();
    const ids = [...this.dirty];
    this.dirty.clear();
    const grants = await Promise.all(ids.map((id) => running.grants.get(id)));
    return grants.filter((grant): grant is Grant => grant !== undefined);
  }

  /** The platform's login: the seller logs in and approves; the code comes from the sandbox's own API. */
  private async login(authorizeUrl: string, redirectUri: string): Promise<string> {
    const shop = this.loginAs;
    if (!shop) throw new Error('a login window opened with nobody to log in');
    const state = new URL(authorizeUrl).searchParams.get('state') ?? '';
    const code = this.options.sandbox.issueCode(shop.app.appKey, shop.seller.account);
    return `${redirectUri}?${new URLSearchParams({ code, state })}`;
  }

  private require(): Running {
    if (!this.running) throw new Error('the browser is closed');
    return this.running;
  }
}
