/**
 * The popup at agency scale, in the built extension: a few hundred shops, of which the popup holds and
 * renders one window of 50 answered by the worker's `grants.query`; paging, search and filters ask
 * the worker; a change to one shop reaches the open popup as a signal naming it, and one small reply.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { listOnlyGrants } from '../../bench/seed-grants';
import { writeGrants } from '../../bench/worker-idb';
import { DEMO_SELLERS } from '../../sandbox/index';
import type { AppView } from '../../src/shared/model';
import { HEALTH_LABELS } from '../../src/ui/labels';
import { connectSeller, type Session, shopInPopup, startSession } from '../support/session';

const LISTED = 300;
const ROW = 'li.shop[data-grant-id]';

let session: Session;
let app: AppView;
let realShop: string;

interface QueryLog {
  __queries?: { changed: string[]; rows: number; bytes: number }[];
}

/** Runs in the popup before its scripts: records each `grants.query` it sends and the reply's size. */
function recordQueries() {
  const runtime = chrome.runtime as unknown as { sendMessage: (message: unknown) => Promise<unknown> };
  const original = runtime.sendMessage.bind(runtime);
  const log = window as unknown as QueryLog;
  log.__queries = [];
  runtime.sendMessage = async (message: unknown) => {
    const reply = (await original(message)) as { value?: { rows?: unknown[] } };
    const sent = message as { type?: string; payload?: { changed?: string[] } };
    if (sent.type === 'grants.query') {
      log.__queries?.push({
        changed: sent.payload?.changed ?? [],
        rows: reply.value?.rows?.length ?? -1,
        bytes: JSON.stringify(reply).length,
      });
    }
    return reply;
  };
}

async function openPopup(): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.addInitScript(recordQueries);
  await page.goto(`chrome-extension://${session.browser.extensionId}/src/popup/index.html`);
  await page.locator(ROW).first().waitFor();
  return page;
}

const rowIds = (popup: Page) =>
  popup.locator(ROW).evaluateAll((rows) => rows.map((row) => row.getAttribute('data-grant-id')));
const status = (popup: Page) => popup.getByRole('navigation', { name: 'Shop pages' }).getByRole('status');

beforeAll(async () => {
  session = await startSession();
  app = await session.addSandboxApp();
  realShop = (await connectSeller(session, app, DEMO_SELLERS.lazadaSg)).grantId;
  // The others go straight into IndexedDB (never due: no token is ever sent for them).
  await writeGrants(session.browser.worker, listOnlyGrants(app.id, LISTED));
});
afterAll(async () => {
  await session?.close();
});

test('pages through the shops one window at a time', async () => {
  const popup = await openPopup();
  await expect.poll(() => status(popup).textContent()).toBe(`Showing 1–50 of ${LISTED + 1} shops`);
  const first = await rowIds(popup);
  expect(first).toHaveLength(50);
  // Needs attention first, then the nearest deadline: the one real shop's comes first.
  expect(first[0]).toBe(realShop);

  await popup.getByRole('button', { name: 'Next' }).click();
  await expect.poll(() => status(popup).textContent()).toBe(`Showing 51–100 of ${LISTED + 1} shops`);
  const second = await rowIds(popup);
  expect(second).toHaveLength(50);
  expect(second.some((id) => first.includes(id))).toBe(false);

  for (let page = 3; page <= 7; page += 1) await popup.getByRole('button', { name: 'Next' }).click();
  await expect.poll(() => status(popup).textContent()).toBe(`Showing 301–301 of ${LISTED + 1} shops`);
  expect(await popup.getByRole('button', { name: 'Next' }).count()).toBe(0);
  await popup.getByRole('button', { name: 'Previous' }).click();
  await expect.poll(() => status(popup).textContent()).toBe(`Showing 251–300 of ${LISTED + 1} shops`);
  // Never more than one window in the page.
  expect(await popup.locator(ROW).count()).toBe(50);
  await popup.close();
});

test('searches and filters over every shop, not just the window', async () => {
  const popup = await openPopup();
  await popup.getByRole('searchbox', { name: 'Search shops' }).fill('list-00287@');
  await expect
    .poll(() => rowIds(popup))
    .toEqual([`${app.id}|u:${9_000_287}|${['sg', 'my', 'th', 'vn', 'ph', 'id'][287 % 6]}`]);
  await popup.getByRole('searchbox', { name: 'Search shops' }).fill('');
  await expect.poll(() => status(popup).textContent()).toBe(`Showing 1–50 of ${LISTED + 1} shops`);

  // 300 list shops over six ventures (50 each in Malaysia), plus the real Singapore one.
  await popup.getByRole('combobox', { name: 'Country' }).selectOption('my');
  await expect.poll(() => status(popup).textContent()).toBe('Showing 1–50 of 50 shops');
  await popup.getByRole('combobox', { name: 'Country' }).selectOption('sg');
  await expect.poll(() => status(popup).textContent()).toBe('Showing 1–50 of 51 shops');
  await popup.getByRole('combobox', { name: 'Platform' }).selectOption('aliexpress');
  await popup.getByText('No shops match.').waitFor();
  await popup.getByRole('button', { name: 'Clear search and filters' }).click();
  await expect.poll(() => status(popup).textContent()).toBe(`Showing 1–50 of ${LISTED + 1} shops`);

  const statusFilter = popup.getByRole('combobox', { name: 'Status' });
  expect(await statusFilter.locator('option').allTextContents()).toContain(`Connected (${LISTED + 1})`);
  await statusFilter.selectOption('attention');
  await popup.getByText('No shops match.').waitFor();
  await popup.close();
});

test('a change to one shop reaches the open popup as one small reply for that shop', async () => {
  const popup = await openPopup();
  const view = (await session.call('grants.list', undefined)).find((listed) => listed.id === realShop);
  if (!view) throw new Error('the connected shop is not found');
  const { row } = shopInPopup(popup, view);
  await row.getByText(HEALTH_LABELS.connected, { exact: true }).waitFor();
  const before = await popup.evaluate(() => (window as unknown as QueryLog).__queries?.length ?? 0);

  session.sandbox.failNext('token.refresh', 1, 'http500');
  await session.call('grants.refresh', { grantId: realShop }).catch(() => undefined);

  await row.getByText(HEALTH_LABELS.failing, { exact: true }).waitFor({ timeout: 5_000 });
  const after = await popup.evaluate(() => (window as unknown as QueryLog).__queries ?? []);
  const replies = after.slice(before).filter((query) => query.changed.length > 0);
  expect(replies.length).toBeGreaterThanOrEqual(1);
  expect(replies[0]?.changed).toEqual([realShop]);
  expect(replies[0]?.rows).toBe(1);
  // The window's ids, the counts and one row: a few KB, not the list.
  expect(replies[0]?.bytes).toBeLessThan(8 * 1024);
  await popup.close();
});
