/**
 * A seller tool web page, in real Chromium against the sandbox: its origin is added in "Connected
 * tools" (the bridge content script is registered for it), the page asks over a MessageChannel, a
 * person approves in the consent window, and the page lists its shop and gets orders through the
 * signed proxy. A frame inside the allowed page is refused, a page of another origin has no bridge, and
 * a removed origin is refused. No reply carries a refresh token, a code or a secret.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_LAZADA_APP_KEY, DEMO_SELLERS } from '../../sandbox/index';
import { EXTENSION_DIR } from '../support/browser';
import { actionThatCloses } from '../support/closing-action';
import { connectSeller, type Session, startSession } from '../support/session';

let session: Session;
let shopId: string;
let toolPage: Page;
const replies: unknown[] = [];

beforeAll(async () => {
  session = await startSession();
  const app = await session.addSandboxApp({ platform: 'lazada' });
  shopId = (await connectSeller(session, app, DEMO_SELLERS.lazadaSg)).grantId;
});

afterAll(async () => {
  await session?.close();
});

type Reply = { ok: boolean; value?: unknown; error?: { code: string } } | 'no answer';

/** One request from the page (or a frame of it), the way the typed page client sends it. */
async function ask(where: Page | Frame, type: string, payload?: unknown): Promise<Reply> {
  const reply = (await where.evaluate(
    ({ type, payload }) =>
      new Promise((resolve) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(event.data);
        window.postMessage({ sellerAuth: 'seller-auth:request', type, payload }, location.origin, [
          channel.port2,
        ]);
        setTimeout(() => resolve('no answer'), 2000);
      }),
    { type, payload },
  )) as Reply;
  replies.push(reply);
  return reply;
}

async function openOptions(): Promise<Page> {
  const options = await session.browser.openPage('src/options/index.html');
  await options.getByRole('heading', { name: 'Connected tools' }).waitFor();
  return options;
}

test('an added origin gets the bridge; its page asks, is approved, and gets orders', async () => {
  const options = await openOptions();
  await options.getByLabel('Page address').fill(session.sandbox.url);
  await options.getByRole('button', { name: 'Add page' }).click();
  await options.getByRole('button', { name: `Remove ${session.sandbox.url}` }).waitFor();
  await options.close();

  toolPage = await session.browser.context.newPage();
  await toolPage.goto(`${session.sandbox.url}/`);
  expect(await ask(toolPage, 'tools.hello')).toMatchObject({
    ok: true,
    value: { access: { granted: false } },
  });
  expect(await ask(toolPage, 'tools.listShops')).toMatchObject({
    ok: false,
    error: { code: 'tools_not_allowed' },
  });

  const opened = session.browser.context.waitForEvent('page', (page) => page.url().includes('src/consent/'));
  const asked = ask(toolPage, 'tools.requestAccess', { shops: [shopId] });
  const consent = await opened;
  await consent.getByRole('heading', { name: /Allow a seller tool/ }).waitFor();
  expect(await consent.locator('main').textContent()).toContain(
    `This web page asks to use shops connected in Seller Auth:${session.sandbox.url}`,
  );
  await actionThatCloses(consent, () => consent.getByRole('button', { name: 'Allow' }).click());
  expect(await asked).toMatchObject({ ok: true, value: { mode: 'proxy', shops: [{ id: shopId }] } });

  expect(await ask(toolPage, 'tools.listShops')).toMatchObject({ ok: true, value: [{ id: shopId }] });
  const orders = await ask(toolPage, 'tools.call', { shopId, apiPath: '/orders/get' });
  expect(orders).toMatchObject({ ok: true, value: { code: '0', data: { count: 3 } } });
  expect(await ask(toolPage, 'tools.getToken', { shopId })).toMatchObject({
    ok: false,
    error: { code: 'tools_tokens_not_granted' },
  });
  const [access] = await session.call('toolAccess.list', undefined);
  expect(access).toMatchObject({ kind: 'origin', label: session.sandbox.url });
});

test("the sandbox's demo tool page lists the shop and shows its orders", async () => {
  const demo = await session.browser.context.newPage();
  await demo.goto(`${session.sandbox.url}/demo-tool`);
  await demo.getByText('1 shop shared with this tool.').waitFor();
  await demo.getByRole('button', { name: 'Show orders of Sg Seller Shop' }).click();
  const orders = demo.getByRole('table', { name: 'Orders of Sg Seller Shop' });
  await orders.waitFor();
  expect(await orders.getByRole('row').count()).toBe(4);
  await demo.close();
});

test('a frame inside the allowed page is refused', async () => {
  await toolPage.evaluate(
    (src) =>
      new Promise<void>((resolve) => {
        const frame = document.createElement('iframe');
        frame.src = src;
        frame.onload = () => resolve();
        document.body.append(frame);
      }),
    `${session.sandbox.url}/callback`,
  );
  const frame = toolPage.frames().find((candidate) => candidate !== toolPage.mainFrame());
  if (!frame) throw new Error('no frame');
  expect(await ask(frame, 'tools.listShops')).toMatchObject({
    ok: false,
    error: { code: 'tools_not_allowed' },
  });
});

test('the bridge script is not web accessible: no page can tell Seller Auth is installed by it', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  expect(manifest).not.toHaveProperty('web_accessible_resources');
  expect(manifest).not.toHaveProperty('content_scripts');
});

test('a page of an origin not added has no bridge', async () => {
  const other = await session.browser.context.newPage();
  await other.goto(`http://localhost:${session.sandbox.port}/`);
  expect(await ask(other, 'tools.hello')).toBe('no answer');
  await other.close();
});

test('a removed origin is refused, and its access ends', async () => {
  const options = await openOptions();
  await options.getByRole('button', { name: `Remove ${session.sandbox.url}` }).click();
  await options.getByRole('button', { name: `Remove ${session.sandbox.url}` }).waitFor({ state: 'detached' });
  await options.close();
  expect(await ask(toolPage, 'tools.listShops')).toMatchObject({
    ok: false,
    error: { code: 'tools_not_allowed' },
  });
  expect(await session.call('toolAccess.list', undefined)).toEqual([]);
  const reloaded = await session.browser.context.newPage();
  await reloaded.goto(`${session.sandbox.url}/`);
  expect(await ask(reloaded, 'tools.hello')).toBe('no answer');
});

test('no reply ever carried a refresh token, a code or a secret', async () => {
  const text = JSON.stringify(replies);
  for (const grant of await session.storedGrants()) {
    expect(text).not.toContain(grant.refreshToken);
    expect(text).not.toContain(grant.accessToken);
  }
  const secret = session.sandbox.apps.find((entry) => entry.appKey === DEMO_LAZADA_APP_KEY)?.appSecret ?? 'x';
  expect(text).not.toContain(secret);
  expect(text).not.toMatch(new RegExp(`\\d_${DEMO_LAZADA_APP_KEY}_[A-Za-z0-9]{25}`));
});
