/**
 * Seller tools in another extension, in real Chromium against the sandbox: a test extension asks for
 * access, a person answers the consent window (approve, deny, close), and the tool then lists its shops,
 * reads the live token, and has Seller Auth sign business calls, a spent access token refreshed and the
 * call retried once. An unapproved and a revoked tool are refused. No reply ever carries a refresh
 * token, a code or a secret.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEMO_LAZADA_APP_KEY, DEMO_SELLERS } from '../../sandbox/index';
import type { AppView } from '../../src/shared/model';
import { axeViolations } from '../support/axe';
import { actionThatCloses } from '../support/closing-action';
import { connectSeller, type Session, sandboxOutcomes, startSession } from '../support/session';
import { type TestExtension, toolClient, writeTestExtension } from '../support/tool-extension';

let tool: TestExtension;
let stranger: TestExtension;
let session: Session;
let app: AppView;
let sgShop: string;
let myShop: string;
const replies: unknown[] = [];
const refreshTokensSeen = new Set<string>();
let subscriptionOpen: { events(): Promise<unknown[]> } | undefined;

beforeAll(async () => {
  tool = await writeTestExtension('Order Tool');
  stranger = await writeTestExtension('Stranger');
  session = await startSession({ alsoLoad: [tool.dir, stranger.dir] });
  app = await session.addSandboxApp({ platform: 'lazada' });
  sgShop = (await connectSeller(session, app, DEMO_SELLERS.lazadaSg)).grantId;
  myShop = (await connectSeller(session, app, DEMO_SELLERS.lazadaMy)).grantId;
  // Shop names arrive from /seller/get just after each connect.
  const named = async () => (await session.storedGrants()).every((grant) => grant.shopName !== undefined);
  for (let tries = 0; !(await named()) && tries < 50; tries++) await new Promise((r) => setTimeout(r, 100));
  await rememberRefreshTokens();
});

afterAll(async () => {
  await session?.close();
  await tool?.remove();
  await stranger?.remove();
});

async function rememberRefreshTokens() {
  for (const grant of await session.storedGrants()) refreshTokensSeen.add(grant.refreshToken);
}

/** The consent window the worker opens for the next request for access. */
async function consentWindowFor(
  ask: () => Promise<unknown>,
): Promise<{ page: Page; reply: Promise<unknown> }> {
  const opened = session.browser.context.waitForEvent('page', (page) => page.url().includes('src/consent/'));
  const reply = ask();
  const page = await opened;
  await page.waitForLoadState('domcontentloaded');
  await page.getByRole('heading', { name: /Allow a seller tool/ }).waitFor();
  return { page, reply };
}

const client = () => toolClient(session.browser.context, tool, replies);

/** axe (WCAG 2.2 AA) on the page as it is, in light and in dark mode. */
async function expectAccessible(page: Page, screen: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await axeViolations(page), `${screen}, ${colorScheme} mode`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

test('the popup shows each shop by the name and short code /seller/get answered', async () => {
  const popup = await session.browser.openPage('src/popup/index.html');
  await popup.getByText('Sg Seller Shop · SG4H2K9').waitFor();
  await popup.getByText('My Seller Shop · MY6D5XG').waitFor();
  await popup.close();
});

describe('a tool before access', () => {
  test('hello answers, everything else is a named refusal', async () => {
    const ask = client();
    expect(await ask.call('tools.hello')).toMatchObject({
      name: 'Seller Auth',
      version: 1,
      access: { granted: false },
    });
    expect(await ask.send('tools.listShops')).toMatchObject({
      ok: false,
      error: { code: 'tools_not_allowed' },
    });
    expect(await ask.send('tools.getToken', { shopId: sgShop })).toMatchObject({
      ok: false,
      error: { code: 'tools_not_allowed' },
    });
  });

  test("the pages' own protocol is unknown to another extension", async () => {
    const reply = await client().raw({ type: 'grants.accessToken', payload: { grantId: sgShop } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('consent', () => {
  test('a denied request is refused, and stores nothing', async () => {
    const ask = client();
    const { page, reply } = await consentWindowFor(() =>
      ask.send('tools.requestAccess', { name: 'Order Tool' }),
    );
    await actionThatCloses(page, () => page.getByRole('button', { name: 'Deny' }).click());
    expect(await reply).toMatchObject({ ok: false, error: { code: 'tools_consent_refused' } });
    expect(await session.call('toolAccess.list', undefined)).toEqual([]);
  });

  test('a closed window is a refusal', async () => {
    const ask = client();
    const { page, reply } = await consentWindowFor(() => ask.send('tools.requestAccess', {}));
    await page.close();
    expect(await reply).toMatchObject({ ok: false, error: { code: 'tools_consent_refused' } });
    expect(await session.call('toolAccess.list', undefined)).toEqual([]);
  });

  test('the window names the tool as unverified; approving grants only the shops picked', async () => {
    const ask = client();
    const { page, reply } = await consentWindowFor(() =>
      ask.send('tools.requestAccess', { name: 'Order Tool', mode: 'tokens' }),
    );
    const words = (await page.locator('main').textContent()) ?? '';
    expect(words).toContain(`This extension asks to use shops connected in Seller Auth:${tool.id}`);
    expect(words).toContain('It calls itself “Order Tool” (not verified).');
    await expectAccessible(page, 'consent window');
    await page.getByRole('checkbox', { name: /Sg Seller|sg\.seller/ }).check();
    await actionThatCloses(page, () => page.getByRole('button', { name: 'Allow' }).click());
    expect(await reply).toMatchObject({ ok: true, value: { mode: 'tokens', shops: [{ id: sgShop }] } });

    const options = await session.browser.openPage('src/options/index.html');
    await options
      .getByRole('table', { name: 'Connected tools' })
      .getByText(/Order Tool/)
      .waitFor();
    await expectAccessible(options, 'Connected tools with one tool');
    await options.close();

    const shops = await ask.call('tools.listShops');
    expect(shops.map((shop) => shop.id)).toEqual([sgShop]);
    // The shop's name, from /seller/get right after connect.
    expect(shops[0]?.name).toBe('Sg Seller Shop');
    expect(shops[0]).toMatchObject({ platform: 'lazada', country: 'sg', health: 'connected' });
    expect(shops[0]?.countries[0]).toMatchObject({ sellerId: '1000101' });
    expect(await ask.send('tools.getToken', { shopId: myShop })).toMatchObject({
      ok: false,
      error: { code: 'tools_shop_not_granted' },
    });
  });
});

describe('a tool with access', () => {
  test('getToken returns the live access token', async () => {
    const { accessToken } = await client().call('tools.getToken', { shopId: sgShop, minValidityS: 60 });
    const stored = (await session.storedGrants()).find((grant) => grant.id === sgShop);
    expect(accessToken).toBe(stored?.accessToken);
    expect(session.sandbox.inspectAccessToken(accessToken)).toMatchObject({
      account: DEMO_SELLERS.lazadaSg.account,
    });
  });

  test('call returns the shop orders, signed by Seller Auth', async () => {
    const answer = (await client().call('tools.call', {
      shopId: sgShop,
      apiPath: '/orders/get',
      params: { limit: '10' },
    })) as {
      code: string;
      data: { count: number; orders: { order_id: number }[] };
    };
    expect(answer.code).toBe('0');
    expect(answer.data.count).toBe(3);
    const activity = await session.call('activity.list', { grantId: sgShop });
    expect(activity[0]).toMatchObject({
      kind: 'tool_api_call',
      detail: '/orders/get',
      caller: `ext:${tool.id}`,
    });
  });

  test('a spent access token is refreshed and the call retried once', async () => {
    const before = (await session.storedGrants()).find((grant) => grant.id === sgShop);
    if (!before) throw new Error('no shop');
    const refreshesBefore = sandboxOutcomes(session.sandbox, 'token.refresh').length;
    expect(session.sandbox.revokeAccessToken(before.accessToken)).toBe(true);

    const answer = await client().call('tools.call', { shopId: sgShop, apiPath: '/seller/get' });

    expect(answer).toMatchObject({ code: '0', data: { short_code: 'SG4H2K9' } });
    expect(sandboxOutcomes(session.sandbox, 'api').slice(-2)).toEqual(['IllegalAccessToken', '0']);
    expect(sandboxOutcomes(session.sandbox, 'token.refresh').slice(refreshesBefore)).toEqual(['0']);
    const after = (await session.storedGrants()).find((grant) => grant.id === sgShop);
    expect(after?.accessToken).not.toBe(before.accessToken);
    await rememberRefreshTokens();
  });

  test('an unapproved tool is refused', async () => {
    const other = toolClient(session.browser.context, stranger, replies);
    expect(await other.send('tools.listShops')).toMatchObject({
      ok: false,
      error: { code: 'tools_not_allowed' },
    });
    expect(await other.send('tools.call', { shopId: sgShop, apiPath: '/orders/get' })).toMatchObject({
      ok: false,
      error: { code: 'tools_not_allowed' },
    });
  });

  test('a subscribed tool hears a refreshed shop, then the end of its access', async () => {
    const subscription = await client().subscribe();
    await expect
      .poll(() => subscription.events())
      .toEqual([{ event: 'shops', shops: [expect.objectContaining({ id: sgShop })] }]);
    await session.call('grants.refresh', { grantId: sgShop });
    const refreshed = (await session.storedGrants()).find((grant) => grant.id === sgShop);
    await expect
      .poll(() => subscription.events())
      .toContainEqual({
        event: 'shop.changed',
        shop: expect.objectContaining({ id: sgShop, accessExpiresAt: refreshed?.accessExpiresAt }),
      });
    subscriptionOpen = subscription;
    await rememberRefreshTokens();
  });

  test('a tool revoked in "Connected tools" is refused', async () => {
    const options = await session.browser.openPage('src/options/index.html');
    await options.getByRole('button', { name: new RegExp(`^Revoke .*${tool.id}`) }).click();
    await options.getByText('No tool has access.').waitFor();
    expect(await client().send('tools.getToken', { shopId: sgShop })).toMatchObject({
      ok: false,
      error: { code: 'tools_not_allowed' },
    });
    await options.close();
    const events = subscriptionOpen?.events;
    if (events)
      await expect
        .poll(events)
        .toEqual(expect.arrayContaining([{ event: 'access.ended' }, { closed: true }]));
  });
});

test('no reply ever carried a refresh token, a code or a secret', async () => {
  await rememberRefreshTokens();
  const text = JSON.stringify(replies);
  expect(replies.length).toBeGreaterThan(10);
  for (const refreshToken of refreshTokensSeen) expect(text).not.toContain(refreshToken);
  const secret = session.sandbox.apps.find((entry) => entry.appKey === DEMO_LAZADA_APP_KEY)?.appSecret ?? '';
  expect(secret).not.toBe('');
  expect(text).not.toContain(secret);
  // Sandbox codes look like 0_<app key>_<25 characters>.
  expect(text).not.toMatch(new RegExp(`\\d_${DEMO_LAZADA_APP_KEY}_[A-Za-z0-9]{25}`));
});
