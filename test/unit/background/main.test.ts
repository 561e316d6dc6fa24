/**
 * The composition root, loaded against a fake extension API and fake-indexeddb: every listener
 * registered synchronously at load, a catch-up kicked on load, messages answered through the real stores.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { installDebugHook } from '../../../src/background/wiring/debug-hook';
import type { ShopSummarySource } from '../../../src/grants/shop-summary-source';
import { connectSellerAuthDb, createStores } from '../../../src/grants/store';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import type { Reply } from '../../../src/shared/protocol';

// The bridge content script is a file name in the built worker (crxjs `?script&iife`); Node has no page.
vi.mock('../../../src/bridge/adapters/content-bridge?script&iife', () => ({
  default: 'src/bridge/adapters/content-bridge.js',
}));

const ID = 'kgjfgplpablkjnlkjmjdecgdpfankdle';
const POPUP = {
  id: ID,
  url: `chrome-extension://${ID}/src/popup/index.html`,
  origin: `chrome-extension://${ID}`,
};

type Listener = (...args: never[]) => unknown;

function event() {
  const listeners: Listener[] = [];
  return {
    listeners,
    addListener: (listener: Listener) => listeners.push(listener),
    removeListener: () => {},
  };
}

const fakeChrome = {
  runtime: {
    id: ID,
    getURL: (path: string) => `chrome-extension://${ID}/${path}`,
    getPlatformInfo: async () => ({}),
    sendMessage: vi.fn(async () => undefined),
    onMessage: event(),
    onMessageExternal: event(),
    onConnectExternal: event(),
    onStartup: event(),
    onInstalled: event(),
  },
  identity: { getRedirectURL: () => `https://${ID}.chromiumapp.org/`, launchWebAuthFlow: vi.fn() },
  alarms: {
    create: vi.fn(async () => {}),
    clear: vi.fn(async () => true),
    get: vi.fn(async () => undefined),
    onAlarm: event(),
  },
  storage: {
    session: {
      get: vi.fn(async () => ({})),
      set: vi.fn(async () => {}),
      remove: vi.fn(async () => {}),
    },
  },
  notifications: { create: vi.fn(async () => ''), clear: vi.fn(async () => true), onClicked: event() },
  action: { setBadgeText: vi.fn(async () => {}), setBadgeBackgroundColor: vi.fn(async () => {}) },
  tabs: {
    create: vi.fn(async () => ({ id: 1 })),
    remove: vi.fn(async () => {}),
    onUpdated: event(),
    onRemoved: event(),
  },
  // The store manifest's host_permissions; nothing optional granted.
  permissions: {
    contains: vi.fn(async ({ origins }: { origins: string[] }) =>
      origins.every((origin) =>
        ['https://auth.lazada.com/*', 'https://api-sg.aliexpress.com/*'].includes(origin),
      ),
    ),
  },
};

const fakeStorageManager = { persist: vi.fn(async () => true) };

const fakeLocks = {
  request: <T>(_name: string, _options: unknown, task: () => Promise<T>) => task(),
};

function message(type: string, payload?: unknown, sender: object = POPUP): Promise<Reply<unknown>> {
  const [listener] = fakeChrome.runtime.onMessage.listeners as ((
    m: unknown,
    s: object,
    r: (x: Reply<unknown>) => void,
  ) => unknown)[];
  return new Promise((resolve) => {
    expect(listener?.({ type, payload }, sender, resolve)).toBe(true);
  });
}

beforeAll(async () => {
  // webextension-polyfill checks for `chrome`, then uses an existing `browser` as it is (as in Firefox).
  vi.stubGlobal('chrome', fakeChrome);
  vi.stubGlobal('browser', fakeChrome);
  vi.stubGlobal('navigator', { locks: fakeLocks, storage: fakeStorageManager });
  await import('../../../src/background/main');
});

afterAll(() => {
  vi.unstubAllGlobals();
});

describe('main', () => {
  it('registers every listener at load', () => {
    expect(fakeChrome.runtime.onMessage.listeners).toHaveLength(1);
    expect(fakeChrome.runtime.onMessageExternal.listeners).toHaveLength(1);
    expect(fakeChrome.runtime.onConnectExternal.listeners).toHaveLength(1);
    expect(fakeChrome.runtime.onStartup.listeners).toHaveLength(1);
    expect(fakeChrome.runtime.onInstalled.listeners).toHaveLength(1);
    expect(fakeChrome.alarms.onAlarm.listeners).toHaveLength(1);
    expect(fakeChrome.notifications.onClicked.listeners).toHaveLength(1);
  });

  it('catches up on load: with nothing stored, the alarm is cleared, the badge emptied, pages told', async () => {
    await vi.waitFor(() => expect(fakeChrome.action.setBadgeText).toHaveBeenCalledWith({ text: '' }));
    expect(fakeChrome.alarms.clear).toHaveBeenCalledWith('seller-auth:due');
    expect(fakeChrome.alarms.create).toHaveBeenCalledWith('seller-auth:safety', {
      delayInMinutes: 30,
      periodInMinutes: 30,
    });
    await vi.waitFor(() =>
      expect(fakeChrome.runtime.sendMessage).toHaveBeenCalledWith({ event: 'grants.changed' }),
    );
  });

  it('asks for durable storage on install, not on every load', async () => {
    expect(fakeStorageManager.persist).not.toHaveBeenCalled();
    const info = vi.spyOn(console, 'info').mockImplementation(() => {});
    const [onInstalled] = fakeChrome.runtime.onInstalled.listeners as (() => void)[];
    onInstalled?.();
    await vi.waitFor(() => expect(fakeStorageManager.persist).toHaveBeenCalledTimes(1));
    await vi.waitFor(() => expect(info).toHaveBeenCalledWith('seller-auth: durable storage granted'));
    info.mockRestore();
  });

  it('answers our pages through the real stores and refuses anyone else', async () => {
    expect(await message('settings.get')).toEqual({ ok: true, value: DEFAULT_SETTINGS });
    const foreign = await message('settings.get', undefined, { id: ID, url: 'https://evil.example/' });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'forbidden_sender' } });
  });

  it('saves an app through the worker; the debug hook exists only when the sandbox build installs it', async () => {
    const saved = await message('apps.save', {
      name: 'Main app',
      platform: 'lazada',
      appKey: '100132',
      appSecret: 'helloworld',
      callbackUrl: `https://${ID}.chromiumapp.org/`,
    });
    expect(saved).toMatchObject({ ok: true, value: { hasSecret: true, callbackKind: 'identity' } });
    expect(JSON.stringify(saved)).not.toContain('helloworld');
    expect('__sellerAuthDebug' in globalThis).toBe(false);

    const readAllAgain = vi.fn();
    installDebugHook({
      stores: createStores(connectSellerAuthDb()),
      worker: { shops: { readAllAgain } as unknown as ShopSummarySource },
      clock: { now: () => Date.now() },
    });
    const debug = (
      globalThis as unknown as {
        __sellerAuthDebug: {
          counts(): Promise<unknown>;
          setStorageFault(on: boolean): Promise<void>;
          grantsWrittenBehind(): void;
        };
      }
    ).__sellerAuthDebug;
    expect(await debug.counts()).toEqual({ grants: 0, apps: 1, needsAttention: 0, attempt: null });
    await expect(debug.setStorageFault(true)).rejects.toThrow('no storage fault switch');
    // A seeding script's writes: the shop summary reads every grant again.
    debug.grantsWrittenBehind();
    expect(readAllAgain).toHaveBeenCalledTimes(1);
    expect(() => {
      (globalThis as Record<string, unknown>).__sellerAuthDebug = {};
    }).toThrow();
  });

  it('opens the popup on a clicked grant notification, then clears it', async () => {
    const [onClicked] = fakeChrome.notifications.onClicked.listeners as ((id: string) => void)[];
    onClicked?.('grant:app|u:1|sg:reminder');
    await vi.waitFor(() =>
      expect(fakeChrome.notifications.clear).toHaveBeenCalledWith('grant:app|u:1|sg:reminder'),
    );
    expect(fakeChrome.tabs.create).toHaveBeenCalledWith({
      url: `chrome-extension://${ID}/src/popup/index.html?grant=app%7Cu%3A1%7Csg`,
      active: true,
    });
  });
});
