/**
 * "Connect shop" end to end, as seller staff do it: the popup, the platform's login page (the
 * sandbox), and what the extension then shows, stores and logs.
 */
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import {
  DEMO_ALIEXPRESS_APP_KEY,
  DEMO_LAZADA_APP_KEY,
  DEMO_SELLERS,
  type SandboxOptions,
} from '../../sandbox/index';
import type { Grant } from '../../src/grants/model';
import type { AppView } from '../../src/shared/model';
import { formatDate } from '../../src/ui/time-words';
import {
  loginOnSandbox,
  loginPageOpenedBy,
  type Session,
  sandboxOutcomes,
  startSession,
} from '../support/session';

const DAY_SECONDS = 24 * 60 * 60;
/** Half a day past whole days, so "in 7 days" and "in 30 days" cannot flip while the test runs. */
const LIFETIMES: SandboxOptions = {
  accessTtlSeconds: 7 * DAY_SECONDS + DAY_SECONDS / 2,
  refreshTtlSeconds: 30 * DAY_SECONDS + DAY_SECONDS / 2,
};

let session: Session | undefined;

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function start(): Promise<Session> {
  session = await startSession({ sandbox: LIFETIMES });
  return session;
}

function shopRow(popup: Page, label: string) {
  return popup.getByRole('listitem', { name: label, exact: true });
}

function clickConnect(popup: Page) {
  return popup.getByRole('button', { name: 'Connect shop' }).click();
}

/** The "Connected <account>" notice the popup shows once the worker has stored the grant. */
function connectedNotice(popup: Page, account: string) {
  return popup.getByRole('status').filter({ hasText: `Connected ${account}` });
}

/** The single stored grant, or a failure saying how many there were. */
async function onlyGrant(current: Session): Promise<Grant> {
  const grants = await current.storedGrants();
  expect(grants).toHaveLength(1);
  const [grant] = grants;
  if (!grant) throw new Error('no grant stored');
  return grant;
}

/** The options page's activity log: the events logged for `account`, and the shops it can filter by. */
async function readActivity(current: Session, account: string) {
  const options = await current.browser.openPage('src/options/index.html');
  const table = options.getByRole('table', { name: 'Activity, newest first' });
  await table.waitFor();
  const rows = table.getByRole('row').filter({ hasText: account });
  // Columns: Time, Shop, Event, Outcome.
  const events = await rows.evaluateAll((found) => found.map((row) => row.children[2]?.textContent ?? ''));
  const shops = await options.getByLabel('Shop', { exact: true }).getByRole('option').allInnerTexts();
  await options.close();
  return { events, shops };
}

test('a Lazada seller connected through the popup is listed with deadlines in words, stored with the live token, and logged', async () => {
  const current = await start();
  const app = await current.addSandboxApp({ platform: 'lazada' });
  const seller = DEMO_SELLERS.lazadaSg;
  const popup = await current.browser.openPage('src/popup/index.html');

  await popup.getByRole('checkbox', { name: 'Singapore' }).check();
  const startedAt = Date.now();
  const login = await loginPageOpenedBy(current, () => clickConnect(popup));
  // The country ticked in the popup limits the platform's country choice.
  expect(new URL(login.url()).searchParams.get('country')).toBe('sg');
  await loginOnSandbox(login, { account: seller.account, country: 'sg' });
  await connectedNotice(popup, seller.account).waitFor();
  const finishedAt = Date.now();

  const grant = await onlyGrant(current);
  expect(grant).toMatchObject({
    appId: app.id,
    platform: 'lazada',
    status: 'connected',
    refreshable: true,
    seller: { account: seller.account, country: 'sg', sellerId: '1000101', userId: '2000101' },
  });
  const live = current.sandbox.inspectAccessToken(grant.accessToken);
  expect(live).toMatchObject({ appKey: DEMO_LAZADA_APP_KEY, account: seller.account, country: 'sg' });
  // Absolute deadlines: the sandbox's lifetimes counted from the moment the code was exchanged.
  const accessMs = (LIFETIMES.accessTtlSeconds ?? 0) * 1000;
  const refreshMs = (LIFETIMES.refreshTtlSeconds ?? 0) * 1000;
  expect(grant.accessExpiresAt).toBeGreaterThanOrEqual(startedAt + accessMs);
  expect(grant.accessExpiresAt).toBeLessThanOrEqual(finishedAt + accessMs);
  expect(grant.refreshExpiresAt).toBeGreaterThanOrEqual(startedAt + refreshMs);
  expect(grant.refreshExpiresAt).toBeLessThanOrEqual(finishedAt + refreshMs);
  expect(Math.abs(grant.accessExpiresAt - (live?.accessExpiresAt ?? 0))).toBeLessThan(2000);
  expect(Math.abs(grant.refreshExpiresAt - (live?.refreshExpiresAt ?? 0))).toBeLessThan(2000);

  const row = shopRow(popup, `${seller.account}, Singapore, ${app.name}`);
  await row.waitFor();
  expect(await row.locator('.shop__account').textContent()).toBe(seller.account);
  expect(await row.locator('.pill').textContent()).toBe('Connected');
  expect(await row.locator('p').allInnerTexts()).toEqual([
    `Lazada · Singapore · ${app.name} · Seller ID 1000101`,
    'Access token expires in 7 days',
    `Authorize again by ${formatDate(grant.refreshExpiresAt)} (in 30 days)`,
    expect.stringMatching(/^Next refresh .+ \(keeps 3 days of access\); if the browser is closed then/),
  ]);

  expect(await readActivity(current, seller.account)).toEqual({
    events: ['Authorized'],
    shops: ['All shops', `${seller.account} (SG) · ${app.name}`],
  });
});

test('a cross-border seller shows every country with its ids, and authorizing again updates the same grant', async () => {
  const current = await start();
  const app = await current.addSandboxApp({ platform: 'lazada' });
  const seller = DEMO_SELLERS.lazadaCrossBorder;
  const popup = await current.browser.openPage('src/popup/index.html');

  await popup.getByRole('checkbox', { name: 'Cross-border' }).check();
  const login = await loginPageOpenedBy(current, () => clickConnect(popup));
  await loginOnSandbox(login, { account: seller.account, country: 'cb' });
  await connectedNotice(popup, seller.account).waitFor();

  const label = `${seller.account}, Cross-border, ${app.name}`;
  const row = shopRow(popup, label);
  expect(await row.locator('p').first().textContent()).toBe(`Lazada · Cross-border · ${app.name}`);
  const countries = row.getByRole('list', { name: `Countries of ${seller.account}` }).getByRole('listitem');
  expect(await countries.allInnerTexts()).toEqual([
    'Singapore · Seller ID 1000201 · User ID 2000201',
    'Malaysia · Seller ID 1000202 · User ID 2000202',
    'Thailand · Seller ID 1000203 · User ID 2000203',
    'Vietnam · Seller ID 1000204 · User ID 2000204',
    'Philippines · Seller ID 1000205 · User ID 2000205',
    'Indonesia · Seller ID 1000206 · User ID 2000206',
  ]);
  const first = await onlyGrant(current);
  expect(first.seller.country).toBe('cb');
  expect(first.seller.countries.map((entry) => entry.country)).toEqual(['sg', 'my', 'th', 'vn', 'ph', 'id']);

  await popup.getByRole('button', { name: 'Dismiss' }).click();
  const again = await loginPageOpenedBy(current, () =>
    row.getByRole('button', { name: `Authorize again for ${label}` }).click(),
  );
  // Authorizing again asks for the shop's own venture.
  expect(new URL(again.url()).searchParams.get('country')).toBe('cb');
  await loginOnSandbox(again, { account: seller.account, country: 'cb' });
  await connectedNotice(popup, seller.account).waitFor();

  const second = await onlyGrant(current);
  expect(second.id).toBe(first.id);
  expect(second.accessToken).not.toBe(first.accessToken);
  expect(second.refreshToken).not.toBe(first.refreshToken);
  expect(second.createdAt).toBe(first.createdAt);
  expect(current.sandbox.inspectAccessToken(second.accessToken)).toMatchObject({
    account: seller.account,
    country: 'cb',
  });
  expect(sandboxOutcomes(current.sandbox, 'token.create')).toEqual(['0', '0']);
  await expect.poll(() => popup.getByRole('listitem', { name: label, exact: true }).count()).toBe(1);
  expect((await readActivity(current, seller.account)).events).toEqual(['Authorized again', 'Authorized']);
});

test('an AliExpress seller connects through its own app, with no country to choose', async () => {
  const current = await start();
  await current.addSandboxApp({ platform: 'lazada' });
  const app: AppView = await current.addSandboxApp({ platform: 'aliexpress' });
  const seller = DEMO_SELLERS.aliexpress;
  const popup = await current.browser.openPage('src/popup/index.html');

  await popup.getByLabel('App').selectOption(app.id);
  expect(await popup.getByRole('group', { name: /Countries/ }).count()).toBe(0);
  const login = await loginPageOpenedBy(current, () => clickConnect(popup));
  expect(new URL(login.url()).searchParams.get('client_id')).toBe(DEMO_ALIEXPRESS_APP_KEY);
  expect(await login.getByLabel('Country').count()).toBe(0);
  await loginOnSandbox(login, { account: seller.account });
  await connectedNotice(popup, seller.userNick).waitFor();

  const grant = await onlyGrant(current);
  expect(grant).toMatchObject({
    appId: app.id,
    platform: 'aliexpress',
    status: 'connected',
    seller: { account: seller.userNick, userId: seller.userId, sellerId: seller.sellerId },
  });
  expect(current.sandbox.inspectAccessToken(grant.accessToken)).toMatchObject({
    appKey: DEMO_ALIEXPRESS_APP_KEY,
    account: seller.account,
  });
  // AliExpress has no ventures: the shop is named by its nick and app, with no empty country.
  const row = shopRow(popup, `${seller.userNick}, ${app.name}`);
  expect(await row.locator('p').allInnerTexts()).toEqual([
    `AliExpress · ${app.name} · Seller ID ${seller.sellerId}`,
    'Access token expires in 7 days',
    `Authorize again by ${formatDate(grant.refreshExpiresAt)} (in 30 days)`,
    expect.stringMatching(/^Next refresh .+ \(keeps 3 days of access\); if the browser is closed then/),
  ]);
  expect(await readActivity(current, seller.userNick)).toEqual({
    events: ['Authorized'],
    shops: ['All shops', `${seller.userNick} · ${app.name}`],
  });
});
