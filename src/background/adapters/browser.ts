/**
 * The one place the worker reaches the browser: webextension-polyfill's `browser`, handed as small
 * slices to the adapters beside this file, and the worker's listeners. Every listener is registered
 * synchronously when the worker starts, so Chrome can wake the worker for them.
 */
import browser from 'webextension-polyfill';
import type { Notifier } from '../../grants/ports';
import { parseStorageHealth } from '../../grants/storage-health';
import { createBridgeListener } from '../messaging/bridge-router';
import { createMessageListener } from '../messaging/router';
import { createToolsMessageListener } from '../messaging/tools-router';
import { createToolsConnectListener } from '../messaging/tools-subscribe';
import type { ExtensionIdentity, WorkerDeps } from '../wiring/deps';
import { logFailure } from '../wiring/log-failure';
import type { KeptValue } from '../wiring/ports';
import type { Worker } from '../wiring/worker';
import { createAlarmScheduler } from './alarm-scheduler';
import { createActionBadge } from './badge';
import { createCallbackBlocker } from './callback-block';
import { createChangeSignal } from './change-signal';
import { createConsentWindow } from './consent-window';
import { createDurableStorage } from './durable-storage';
import { createExtensionPageOpener } from './extension-pages';
import { createIdentityAuthWindow, identityCallbackUrl } from './identity-window';
import { createKeepAwake } from './keep-awake';
import { createChromeNotifier } from './notifier';
import { createOriginAccess } from './origin-access';
import { createPageBridges } from './page-bridges';
import { createSessionRefreshJournal } from './refresh-journal';
import { createSessionValue } from './session-value';
import { createTabAuthWindow } from './tab-window';
import { createWebLocks } from './web-locks';

export type BrowserAdapters = Pick<
  WorkerDeps,
  | 'locks'
  | 'scheduler'
  | 'badge'
  | 'changes'
  | 'authWindows'
  | 'originAccess'
  | 'openExtensionPage'
  | 'keepAwake'
  | 'refreshJournal'
  | 'extension'
  | 'storageHealth'
  | 'durableStorage'
  | 'consentWindow'
  | 'pageBridges'
> & { notifier: Notifier };

/** Where the storage health is kept across worker restarts (not in IndexedDB: that may be what fails). */
const STORAGE_HEALTH_KEY = 'seller-auth:storage-health';

/** A value in `chrome.storage.session` under `key`. */
export function sessionValue<T>(key: string, parse: (raw: unknown) => T | undefined): KeptValue<T> {
  return createSessionValue(browser.storage.session, key, parse);
}

export function createBrowserAdapters(): BrowserAdapters {
  const extension: ExtensionIdentity = {
    id: browser.runtime.id,
    identityCallbackUrl: identityCallbackUrl(browser.identity),
  };
  return {
    locks: createWebLocks(),
    notifier: createChromeNotifier(browser.notifications, browser.runtime.getURL('icons/icon-128.png')),
    scheduler: createAlarmScheduler(browser.alarms),
    badge: createActionBadge(browser.action),
    changes: createChangeSignal(browser.runtime),
    authWindows: {
      identity: createIdentityAuthWindow(browser.identity, browser.windows),
      // Created once per worker start, it first removes the block rules of logins an earlier worker left.
      tab: createTabAuthWindow(browser.tabs, createCallbackBlocker(browser.declarativeNetRequest)),
    },
    originAccess: createOriginAccess(browser.permissions),
    openExtensionPage: createExtensionPageOpener(browser.tabs, browser.runtime),
    keepAwake: createKeepAwake(() => browser.runtime.getPlatformInfo()),
    refreshJournal: createSessionRefreshJournal(browser.storage.session),
    extension,
    storageHealth: sessionValue(STORAGE_HEALTH_KEY, parseStorageHealth),
    durableStorage: createDurableStorage(navigator.storage),
    consentWindow: createConsentWindow(browser.windows, (path) => browser.runtime.getURL(path)),
    pageBridges: createPageBridges(browser.scripting, browser.permissions),
  };
}

/** Every event the worker answers: messages from our pages, the alarms, browser start, a notification click. */
export function listenToBrowser(worker: Worker, extension: ExtensionIdentity): void {
  const self = { id: extension.id, origin: `chrome-extension://${extension.id}` };
  const bridge = createBridgeListener(worker.tools, self, () => worker.toolOrigins());
  browser.runtime.onMessage.addListener(createMessageListener(worker.handlers, self, bridge));
  // Seller tools in other extensions (manifest externally_connectable.ids): the tools API only.
  browser.runtime.onMessageExternal.addListener(createToolsMessageListener(worker.tools, self));
  browser.runtime.onConnectExternal.addListener(createToolsConnectListener(worker.subscribeTool, self));
  browser.alarms.onAlarm.addListener((alarm) => {
    worker.onAlarm(alarm.name).catch(logFailure('scheduled work'));
  });
  browser.runtime.onStartup.addListener(() => {
    worker.onStartup().catch(logFailure('start-up catch-up'));
  });
  browser.runtime.onInstalled.addListener(() => {
    worker.onInstalled().catch(logFailure('install catch-up'));
  });
  browser.notifications.onClicked.addListener((notificationId) => {
    worker
      .onNotificationClicked(notificationId)
      .catch(logFailure('opening a notification'))
      .finally(() => browser.notifications.clear(notificationId).catch(() => {}));
  });
}
