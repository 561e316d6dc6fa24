/**
 * One browser-test (or demo) session: the local sandbox plus the built extension in Chromium, and
 * the few moves every scenario needs. Talks to the worker only through its public message protocol
 * (from an extension page), and reads IndexedDB only to check what was stored.
 */
import type { Page } from 'playwright-core';
import {
  DEMO_ALIEXPRESS_APP_KEY,
  DEMO_LAZADA_APP_KEY,
  DEMO_PASSWORD,
  EXTENSION_CALLBACK_URL,
  type Sandbox,
  type SandboxOptions,
  startSandbox,
} from '../../sandbox/index';
import type { Grant } from '../../src/grants/model';
import type { PlatformId } from '../../src/platforms/types';
import type { AppView } from '../../src/shared/model';
import type { MessageType, Reply, RequestOf, ResponseOf } from '../../src/shared/protocol';
import { type ExtensionBrowser, launchExtension } from './browser';

export interface Session {
  sandbox: Sandbox;
  browser: ExtensionBrowser;
  /** An extension page kept open to send protocol messages from. */
  control: Page;
  send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<Reply<ResponseOf<T>>>;
  /** Like send, but throws on an error reply. */
  call<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>>;
  addSandboxApp(options?: {
    platform?: PlatformId;
    callback?: 'identity' | 'tab';
    name?: string;
  }): Promise<AppView>;
  /** Every stored grant, tokens included: test-only, read straight from IndexedDB in the worker. */
  storedGrants(): Promise<Grant[]>;
  /** Restarts Chromium with the same profile (IndexedDB kept). */
  restartBrowser(): Promise<void>;
  close(): Promise<void>;
}

export async function startSession(options: { sandbox?: SandboxOptions; headless?: boolean } = {}) {
  const sandbox = await startSandbox(options.sandbox);
  let browser = await launchExtension({ headless: options.headless ?? true });
  let control = await browser.openPage('src/options/index.html');

  const send = async <T extends MessageType>(type: T, payload: RequestOf<T>) =>
    (await control.evaluate((message) => chrome.runtime.sendMessage(message), { type, payload } as {
      type: string;
      payload: unknown;
    })) as Reply<ResponseOf<T>>;

  const call = async <T extends MessageType>(type: T, payload: RequestOf<T>) => {
    const reply = await send(type, payload);
    if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code}: ${reply.error.message}`);
    return reply.value;
  };

  const addSandboxApp = async ({
    platform = 'lazada',
    callback = 'identity',
    name,
  }: Parameters<Session['addSandboxApp']>[0] = {}) => {
    const registered = sandbox.apps.find(
      (app) => app.appKey === (platform === 'lazada' ? DEMO_LAZADA_APP_KEY : DEMO_ALIEXPRESS_APP_KEY),
    );
    if (!registered) throw new Error(`no demo ${platform} app on the sandbox`);
    const { authorizeUrl, tokenCreateUrl, tokenRefreshUrl, callbackUrl } = sandbox.endpoints;
    return call('apps.save', {
      name: name ?? registered.name,
      platform,
      appKey: registered.appKey,
      appSecret: registered.appSecret,
      callbackUrl: callback === 'identity' ? EXTENSION_CALLBACK_URL : callbackUrl,
      endpoints: { authorizeUrl, tokenCreateUrl, tokenRefreshUrl },
    });
  };

  const storedGrants = () =>
    browser.worker.evaluate(
      () =>
        new Promise<Grant[]>((resolve, reject) => {
          const open = indexedDB.open('seller-auth');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const request = db.transaction('grants').objectStore('grants').getAll();
            request.onsuccess = () => {
              resolve(request.result as Grant[]);
              db.close();
            };
            request.onerror = () => reject(request.error);
          };
        }),
    );

  const restartBrowser = async () => {
    const profileDir = browser.profileDir;
    await browser.close();
    browser = await launchExtension({ profileDir, headless: options.headless ?? true });
    control = await browser.openPage('src/options/index.html');
  };

  const close = async () => {
    await browser.dispose();
    await sandbox.close();
  };

  const session: Session = {
    sandbox,
    get browser() {
      return browser;
    },
    get control() {
      return control;
    },
    send,
    call,
    addSandboxApp,
    storedGrants,
    restartBrowser,
    close,
  };
  return session;
}

/** Fills the sandbox login page and presses Approve or Deny. */
export async function loginOnSandbox(
  page: Page,
  seller: { account: string; country?: string; decision?: 'approve' | 'deny'; password?: string },
) {
  await page.waitForLoadState('domcontentloaded');
  await page.getByLabel('Account').fill(seller.account);
  await page.getByLabel('Password').fill(seller.password ?? DEMO_PASSWORD);
  if (seller.country) await page.getByLabel('Country').selectOption(seller.country);
  await page.getByRole('button', { name: seller.decision === 'deny' ? 'Deny' : 'Approve' }).click();
}
