/**
 * Apps registered with a callback URL other than this extension's chromiumapp.org URL: the login runs
 * in a normal tab, and the worker catches the tab's navigation to the callback, then closes the tab.
 * A session rule blocks the callback in that tab for the login, so the app's own callback server (here
 * the sandbox's loopback page) never receives the code: only the worker reads it.
 */
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { DEMO_LAZADA_APP_KEY, DEMO_SELLERS } from '../../sandbox/index';
import {
  atLoginPage,
  loginOnSandbox,
  loginPageOpenedBy,
  type Session,
  sandboxOutcomes,
  startSession,
} from '../support/session';

let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The worker's session rules, as Chrome holds them. */
function sessionRules(current: Session) {
  return current.browser.worker.evaluate(() => chrome.declarativeNetRequest.getSessionRules());
}

/** The tab id of a page the worker can see (it has host access to the sandbox). */
function tabIdOf(current: Session, page: Page) {
  return current.browser.worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return tab?.id;
  }, page.url());
}

test('Connect opens the login in a tab, and the callback is caught, the tab closed and the grant stored', async () => {
  const current = await startSession();
  session = current;
  const app = await current.addSandboxApp({ platform: 'lazada', callback: 'tab' });
  const callbackUrl = current.sandbox.endpoints.callbackUrl;
  expect(app).toMatchObject({ callbackKind: 'tab', callbackUrl });
  const seller = DEMO_SELLERS.lazadaSg;
  const popup = await current.browser.openPage('src/popup/index.html');

  const login = await loginPageOpenedBy(current, () =>
    popup.getByRole('button', { name: 'Connect shop' }).click(),
  );
  const authorize = new URL(login.url());
  expect(authorize.origin + authorize.pathname).toBe(current.sandbox.endpoints.authorizeUrl);
  expect(authorize.searchParams.get('redirect_uri')).toBe(callbackUrl);
  // A tab of a normal browser window (the identity flow's login is in a window of type "popup").
  const windowType = await current.browser.worker.evaluate(async (url) => {
    const [tab] = await chrome.tabs.query({ url });
    return tab && (await chrome.windows.get(tab.windowId)).type;
  }, login.url());
  expect(windowType).toBe('normal');
  // While the seller logs in, that tab (and only it) blocks the callback URL.
  const tabId = await tabIdOf(current, login);
  expect(await sessionRules(current)).toEqual([
    {
      id: tabId,
      priority: 1,
      action: { type: 'block' },
      condition: expect.objectContaining({
        tabIds: [tabId],
        urlFilter: `|${callbackUrl}^`,
        resourceTypes: ['main_frame'],
      }),
    },
  ]);

  const tabClosed = login.waitForEvent('close');
  await loginOnSandbox(login, { account: seller.account, country: 'sg' });
  await tabClosed;

  await popup
    .getByRole('status')
    .filter({ hasText: `Connected ${seller.account}` })
    .waitFor();
  await popup
    .getByRole('listitem', { name: `${seller.account}, Singapore, ${app.name}`, exact: true })
    .waitFor();
  const grants = await current.storedGrants();
  expect(grants).toHaveLength(1);
  expect(grants[0]).toMatchObject({
    appId: app.id,
    status: 'connected',
    seller: { account: seller.account },
  });
  expect(current.sandbox.inspectAccessToken(grants[0]?.accessToken ?? '')).toMatchObject({
    appKey: DEMO_LAZADA_APP_KEY,
    account: seller.account,
  });
  expect(sandboxOutcomes(current.sandbox, 'token.create')).toEqual(['0']);
  // The app's callback server saw the login page and the approval, never the redirect with the code.
  expect(sandboxOutcomes(current.sandbox, 'authorize')).toEqual(['login_page', 'approved']);
  expect(sandboxOutcomes(current.sandbox, 'callback')).toEqual([]);
  expect(await sessionRules(current)).toEqual([]);
});

test('a login tab closed by the seller ends the attempt and lifts the block', async () => {
  const current = await startSession();
  session = current;
  const app = await current.addSandboxApp({ platform: 'lazada', callback: 'tab' });
  const loginOpened = current.browser.context.waitForEvent('page');
  const finished = current.send('connect.start', { appId: app.id, countries: ['sg'] });
  const login = await atLoginPage(await loginOpened);
  expect(await sessionRules(current)).toHaveLength(1);

  await login.close();
  const reply = await finished;
  expect(reply.ok && reply.value).toMatchObject({ phase: 'failed', error: { code: 'login_cancelled' } });
  expect(await sessionRules(current)).toEqual([]);
  expect(sandboxOutcomes(current.sandbox, 'callback')).toEqual([]);
});

test('a block rule left by an earlier worker is removed when the worker starts', async () => {
  const current = await startSession();
  session = current;
  await current.browser.worker.evaluate(() =>
    chrome.declarativeNetRequest.updateSessionRules({
      addRules: [
        {
          id: 999,
          priority: 1,
          action: { type: chrome.declarativeNetRequest.RuleActionType.BLOCK },
          condition: {
            tabIds: [999],
            urlFilter: '|https://app.example.com/cb^',
            resourceTypes: [chrome.declarativeNetRequest.ResourceType.MAIN_FRAME],
          },
        },
      ],
    }),
  );
  expect(await sessionRules(current)).toHaveLength(1);
  await current.browser.stopWorker();
  // Any event wakes the worker; the start-up clean-up runs before anything else.
  await current.call('grants.list', undefined);
  await expect.poll(() => sessionRules(current)).toEqual([]);
});
