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
  type LogEntry,
  type LoggedEndpoint,
  type Sandbox,
  type SandboxOptions,
  type SandboxSeller,
  startSandbox,
} from '../../sandbox/index';
import type { Grant } from '../../src/grants/model';
import { shopLabel } from '../../src/popup/shop-words';
import type { AppView, AttemptView, GrantView } from '../../src/shared/model';
import type { Country, PlatformId } from '../../src/shared/platform';
import type { MessageType, Reply, RequestOf, ResponseOf } from '../../src/shared/protocol';
import { type ExtensionBrowser, launchExtension } from './browser';
import { actionThatCloses } from './closing-action';

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
  /** Restarts Chromium with the same profile (IndexedDB kept); `whileClosed` runs with the browser down. */
  restartBrowser(options?: { whileClosed?: () => Promise<void> }): Promise<void>;
  /** Opens a fresh control page (after a test closed it to leave no extension page open). */
  reopenControl(): Promise<Page>;
  /** The toolbar badge text, read in the worker. */
  badgeText(): Promise<string>;
  /** Ids of the desktop notifications currently shown, read in the worker. */
  notificationIds(): Promise<string[]>;
  /** Creates (or replaces) a `chrome.alarms` alarm in the worker, firing at once. */
  fireAlarm(name: string): Promise<void>;
  /**
   * Runs `wake` (something that starts the worker's catch-up: an alarm, a worker start) and resolves
   * when that catch-up has finished. Every catch-up ends by re-arming, which rewrites the badge, so a
   * placeholder badge text set before tells when it is done.
   */
  afterCatchUp(wake: () => Promise<unknown>): Promise<void>;
  close(): Promise<void>;
}

export async function startSession(
  options: {
    sandbox?: SandboxOptions;
    /** Another session's sandbox: a second browser profile of the same person (not closed with this one). */
    sharedSandbox?: Sandbox;
    headless?: boolean;
    alsoLoad?: readonly string[];
    /** Another sandbox build than dist-sandbox/ (./sandbox-build.ts). */
    extensionDir?: string;
    /** Chrome's language, as `--lang` (for example `th`, `zh-CN`). */
    lang?: string;
  } = {},
) {
  const sandbox = options.sharedSandbox ?? (await startSandbox(options.sandbox));
  const launchOptions = {
    headless: options.headless ?? true,
    alsoLoad: options.alsoLoad ?? [],
    ...(options.extensionDir ? { extensionDir: options.extensionDir } : {}),
    ...(options.lang ? { lang: options.lang } : {}),
  };
  let browser = await launchExtension(launchOptions);
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

  const restartBrowser = async ({ whileClosed }: Parameters<Session['restartBrowser']>[0] = {}) => {
    const profileDir = browser.profileDir;
    await browser.close();
    await whileClosed?.();
    browser = await launchExtension({ ...launchOptions, profileDir });
    control = await browser.openPage('src/options/index.html');
  };

  const reopenControl = async () => {
    control = await browser.openPage('src/options/index.html');
    return control;
  };

  const badgeText = () => browser.worker.evaluate(() => chrome.action.getBadgeText({}));
  const notificationIds = () =>
    browser.worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
  const fireAlarm = (name: string) =>
    browser.worker.evaluate((alarm) => chrome.alarms.create(alarm, { when: Date.now() }), name);

  const afterCatchUp = async (wake: () => Promise<unknown>) => {
    const placeholder = '?';
    await browser.worker.evaluate((text) => chrome.action.setBadgeText({ text }), placeholder);
    await wake();
    const givesUpAt = Date.now() + 15_000;
    while ((await badgeText()) === placeholder) {
      if (Date.now() > givesUpAt) throw new Error('the catch-up did not finish within 15 s');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  const close = async () => {
    await browser.dispose();
    if (!options.sharedSandbox) await sandbox.close();
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
    reopenControl,
    badgeText,
    notificationIds,
    fireAlarm,
    afterCatchUp,
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
  const decision = page.getByRole('button', { name: seller.decision === 'deny' ? 'Deny' : 'Approve' });
  await actionThatCloses(page, () => decision.click());
}

/**
 * Connects a demo seller without the popup (or authorizes one again, with `reauthorizeGrantId`): starts
 * `connect.start` from the control page, logs in on the sandbox page the worker opens, and resolves with
 * the finished attempt (throws unless it succeeded). Lazada sellers authorize for their own venture.
 */
export async function connectSeller(
  session: Session,
  app: Pick<AppView, 'id'>,
  seller: SandboxSeller,
  options: { reauthorizeGrantId?: string } = {},
): Promise<AttemptView & { grantId: string }> {
  const country: Country | undefined = seller.platform === 'lazada' ? seller.country : undefined;
  const loginOpened = session.browser.context.waitForEvent('page');
  const finished = session.send('connect.start', {
    appId: app.id,
    ...(country ? { countries: [country] } : {}),
    ...options,
  });
  const login = await atLoginPage(await loginOpened);
  await loginOnSandbox(login, { account: seller.account, ...(country ? { country } : {}) });
  const reply = await finished;
  if (!reply.ok) throw new Error(`connect.start failed: ${reply.error.code}: ${reply.error.message}`);
  const { grantId, phase, error } = reply.value;
  if (phase !== 'succeeded' || grantId === undefined) {
    throw new Error(`connecting ${seller.account} ended ${phase}${error ? ` (${error.code})` : ''}`);
  }
  return { ...reply.value, grantId };
}

/** The outcomes the sandbox logged for one endpoint, oldest first (`0` is a success). */
export function sandboxOutcomes(sandbox: Sandbox, endpoint: LoggedEndpoint): LogEntry['outcome'][] {
  return sandbox.log.filter((entry) => entry.endpoint === endpoint).map((entry) => entry.outcome);
}

/**
 * Runs `action` (a click on "Connect shop" or "Authorize again"...) and returns the sandbox login page
 * the worker opens for it: an identity window or a normal tab, either way a new page of the context.
 */
export async function loginPageOpenedBy(session: Session, action: () => Promise<unknown>): Promise<Page> {
  const opened = session.browser.context.waitForEvent('page');
  await action();
  return atLoginPage(await opened);
}

/**
 * A new login page once it shows the login: a tab login's tab opens blank and goes to the authorize URL
 * only once the callback is blocked in it.
 */
export async function atLoginPage(page: Page): Promise<Page> {
  await page.waitForURL(/^https?:/, { waitUntil: 'domcontentloaded' });
  return page;
}

/** Waits until the wall clock reaches `time` (epoch ms): for deadlines no event announces. */
export async function waitUntil(time: number): Promise<void> {
  const wait = time - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}

/** One shop's row in the popup and its buttons, found by the shop label their names carry. */
export function shopInPopup(popup: Page, view: GrantView) {
  const label = shopLabel(view);
  const row = popup.getByRole('listitem', { name: label, exact: true });
  return {
    row,
    refreshNow: row.getByRole('button', { name: `Refresh now for ${label}` }),
    authorizeAgain: row.getByRole('button', { name: `Authorize again for ${label}` }),
  };
}
