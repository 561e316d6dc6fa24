/**
 * The service worker's composition root: real adapters in, every listener registered synchronously at
 * the top level (so Chrome can wake the worker for them), and a catch-up on every start. The database
 * opens lazily, once, on the first store call.
 */

import { connectSellerAuthDb, createStores } from '../grants/store';
import { createTokenClient } from '../platforms/token-client';
import { toErrorData } from '../shared/errors';
import { createAlarmScheduler } from './adapters/alarm-scheduler';
import { createActionBadge } from './adapters/badge';
import { createChangeSignal } from './adapters/change-signal';
import { createExtensionPageOpener } from './adapters/extension-pages';
import { createIdentityAuthWindow, identityCallbackUrl } from './adapters/identity-window';
import { createKeepAwake } from './adapters/keep-awake';
import { createChromeNotifier } from './adapters/notifier';
import { createOriginAccess } from './adapters/origin-access';
import { systemClock } from './adapters/system-clock';
import { createTabAuthWindow } from './adapters/tab-window';
import { createWebLocks } from './adapters/web-locks';
import { createDebugHook } from './debug-hook';
import { DEFAULT_FLOW_TIMEOUT_MS } from './deps';
import { createMessageListener } from './router';
import { createWorker } from './worker';

/** Codes only: a log line never carries data (accounts, tokens, secrets). */
const logFailure = (event: string) => (error: unknown) =>
  console.warn(`seller-auth: ${event} failed (${toErrorData(error).code})`);

const stores = createStores(connectSellerAuthDb());
const extensionId = chrome.runtime.id;

const worker = createWorker({
  stores,
  tokens: createTokenClient({ clock: systemClock }),
  clock: systemClock,
  locks: createWebLocks(),
  notifier: createChromeNotifier(),
  scheduler: createAlarmScheduler(),
  badge: createActionBadge(),
  changes: createChangeSignal(),
  authWindows: {
    identity: createIdentityAuthWindow(),
    tab: createTabAuthWindow(chrome.tabs, { timeoutMs: DEFAULT_FLOW_TIMEOUT_MS }),
  },
  originAccess: createOriginAccess(),
  openExtensionPage: createExtensionPageOpener(),
  keepAwake: createKeepAwake(),
  extension: { id: extensionId, identityCallbackUrl: identityCallbackUrl() },
  flowTimeoutMs: DEFAULT_FLOW_TIMEOUT_MS,
});

chrome.runtime.onMessage.addListener(
  createMessageListener(worker.handlers, { id: extensionId, origin: `chrome-extension://${extensionId}` }),
);
chrome.alarms.onAlarm.addListener((alarm) => {
  worker.onAlarm(alarm.name).catch(logFailure('scheduled work'));
});
chrome.runtime.onStartup.addListener(() => {
  worker.onStartup().catch(logFailure('start-up catch-up'));
});
chrome.runtime.onInstalled.addListener(() => {
  worker.onInstalled().catch(logFailure('install catch-up'));
});
chrome.notifications.onClicked.addListener((notificationId) => {
  worker
    .onNotificationClicked(notificationId)
    .catch(logFailure('opening a notification'))
    .finally(() => chrome.notifications.clear(notificationId).catch(() => {}));
});

// Every worker start, whatever woke it: grants may have come due while the browser was closed.
worker.catchUp().catch(logFailure('catch-up'));

Object.defineProperty(globalThis, '__sellerAuthDebug', {
  value: createDebugHook(stores, systemClock),
  writable: false,
  configurable: false,
  enumerable: false,
});
