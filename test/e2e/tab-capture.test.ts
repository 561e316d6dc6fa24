/**
 * Apps registered with a callback URL other than this extension's chromiumapp.org URL: the login runs
 * in a normal tab, and the worker catches the tab's navigation to the callback, then closes the tab.
 */
import { afterEach, expect, test } from 'vitest';
import { DEMO_LAZADA_APP_KEY, DEMO_SELLERS } from '../../sandbox/index';
import {
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
});
