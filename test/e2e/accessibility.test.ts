/**
 * axe-core (WCAG 2.2 AA) on the built extension's pages in real Chromium against the sandbox: the popup
 * from empty to a list of shops in every state (moved and waiting included), the connect panel while a
 * login runs and after it, the remove confirmation, search and filters, an error in a row and the
 * storage banner; the options page with its forms and confirmations and the import preview. Every
 * screen is checked in light and in dark mode, once with very long shop and app names, and once in
 * Filipino, the language whose words run longest.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { DEMO_LAZADA_APP_KEY, DEMO_PASSWORD, DEMO_SELLERS, type LazadaSeller } from '../../sandbox/index';
import { DUE_ALARM } from '../../src/background/adapters/alarm-scheduler';
import { createTokenClient } from '../../src/platforms/token-client';
import type { Catalog } from '../../src/shared/i18n-catalog';
import { storageFailureTitle } from '../../src/shared/storage-health';
import { axeViolations } from '../support/axe';
import { LONG_ALIEXPRESS_APP_NAME, LONG_APP_NAME, LONG_SELLER } from '../support/long-names';
import {
  connectSeller,
  loginOnSandbox,
  loginPageOpenedBy,
  type Session,
  startSession,
} from '../support/session';

const DAY_SECONDS = 24 * 60 * 60;
const PASSPHRASE = 'orange kettle under seven bridges';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The page background of each scheme (src/ui/styles.css `--bg`): proves the scheme is the one checked. */
const BACKGROUNDS = { light: 'rgb(255, 255, 255)', dark: 'rgb(22, 24, 28)' };

/** Checks the page as it is now, in light and in dark mode; `screen` names it in the failure. */
async function expectAccessible(page: Page, screen: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(
      BACKGROUNDS[colorScheme],
    );
    expect(await axeViolations(page), `${screen}, ${colorScheme} mode`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

test('the popup has no WCAG 2.2 AA violation, from empty to shops in every state, in light and dark mode', async () => {
  const current = await startSession({ sandbox: { sellers: [LONG_SELLER] } });
  session = current;
  const popup = await current.browser.openPage('src/popup/index.html');
  await popup.getByRole('button', { name: 'Set up your app' }).waitFor();
  await expectAccessible(popup, 'popup without an app');

  const app = await current.addSandboxApp({ platform: 'lazada' });
  await popup.reload();
  await popup.getByText('No shops yet.', { exact: false }).waitFor();
  await expectAccessible(popup, 'popup with one app and no shop');

  await current.addSandboxApp({ platform: 'aliexpress' });
  await popup.reload();
  await popup.getByRole('combobox').selectOption(app.id);
  await expectAccessible(popup, 'connect panel with two apps');

  // A login running, then denied: the progress and the error notice of the connect panel.
  const login = await loginPageOpenedBy(current, () =>
    popup.getByRole('button', { name: 'Connect shop' }).click(),
  );
  await popup.getByText('Waiting for the seller to log in...').waitFor();
  await expectAccessible(popup, 'connect panel while a login runs');
  await loginOnSandbox(login, { account: DEMO_SELLERS.lazadaSg.account, country: 'sg', decision: 'deny' });
  await popup.getByRole('alert').waitFor();
  await expectAccessible(popup, 'connect panel after a denied login');
  await popup.getByRole('button', { name: 'Dismiss' }).click();

  // A successful connect leaves its notice above the list.
  const again = await loginPageOpenedBy(current, () =>
    popup.getByRole('button', { name: 'Connect shop' }).click(),
  );
  await loginOnSandbox(again, { account: DEMO_SELLERS.lazadaSg.account, country: 'sg' });
  await popup.getByRole('status').filter({ hasText: 'Connected' }).first().waitFor();
  await expectAccessible(popup, 'connect panel after a successful login');

  // Shops in every state: connected, expiring, failing, needing authorization, cross-border.
  const [connected] = await current.storedGrants();
  if (!connected) throw new Error('the shop connected through the popup is not stored');
  const failingId = connected.id;
  const { grantId: deadId } = await connectSeller(current, app, DEMO_SELLERS.lazadaMy);
  await connectSeller(current, app, DEMO_SELLERS.lazadaCrossBorder);
  current.sandbox.configure({ refreshTtlSeconds: 2 * DAY_SECONDS });
  await connectSeller(current, app, LONG_SELLER);
  current.sandbox.failNext('token.refresh', 1, 'http500');
  expect((await current.call('grants.refresh', { grantId: failingId })).health).toBe('failing');
  const dead = (await current.storedGrants()).find((grant) => grant.id === deadId);
  await createTokenClient({ clock: { now: () => Date.now() } }).refresh(
    current.sandbox.credentials(DEMO_LAZADA_APP_KEY),
    dead?.refreshToken ?? '',
  );
  await current.call('grants.refresh', { grantId: deadId });

  const pills = popup.locator('.pill');
  await expect
    .poll(() => pills.allInnerTexts())
    .toEqual(expect.arrayContaining(['Needs authorization', 'Refresh failing', 'Expiring', 'Connected']));
  await expectAccessible(popup, 'popup with shops in every state');

  await popup
    .getByRole('button', { name: /^Remove / })
    .first()
    .click();
  await popup.getByRole('button', { name: /^Cancel removing / }).waitFor();
  await expectAccessible(popup, 'popup with a remove confirmation open');
});

/** Plain Lazada sellers enough to make the popup show its search, filters and list footer. */
const MORE_SELLERS: LazadaSeller[] = Array.from({ length: 6 }, (_, index) => ({
  platform: 'lazada',
  account: `shop${index + 1}.seller@sandbox.test`,
  password: DEMO_PASSWORD,
  country: 'th',
  ventures: [
    { country: 'th', sellerId: `10030${index}`, userId: 20030 + index, shortCode: `TH${index}AXE1` },
  ],
}));

test('the popup has no WCAG 2.2 AA violation with a moved shop, a waiting one, filters, a row error and the storage banner', async () => {
  const current = await startSession({ sandbox: { sellers: MORE_SELLERS } });
  session = current;
  const app = await current.addSandboxApp();
  await connectSeller(current, app, DEMO_SELLERS.lazadaCrossBorder);
  await current.call('backup.export', { passphrase: PASSPHRASE, includeSecrets: false, move: true });
  const { grantId: waitingId } = await connectSeller(current, app, DEMO_SELLERS.lazadaSg);
  await connectSeller(current, app, DEMO_SELLERS.lazadaMy);
  for (const seller of MORE_SELLERS) await connectSeller(current, app, seller);
  current.sandbox.failNext('token.refresh', 1, 'apiCallLimit');
  await current.call('grants.refresh', { grantId: waitingId });

  const popup = await current.browser.openPage('src/popup/index.html');
  await popup.getByRole('searchbox', { name: 'Search shops' }).waitFor();
  await expect
    .poll(() => popup.locator('.pill').allInnerTexts())
    .toEqual(expect.arrayContaining(['Moved', 'Waiting', 'Connected']));
  await expectAccessible(popup, 'popup with a moved shop, a waiting one and filters');

  await popup.getByRole('searchbox', { name: 'Search shops' }).fill('no such shop');
  await popup.getByRole('button', { name: 'Clear search and filters' }).waitFor();
  await expectAccessible(popup, 'popup filtered to nothing');
  await popup.getByRole('button', { name: 'Clear search and filters' }).click();

  // Storage refuses: the row's own action fails in words, then the banner says what to do.
  await current.browser.worker.evaluate(() =>
    (
      globalThis as unknown as { __sellerAuthDebug: { setStorageFault(on: boolean): Promise<void> } }
    ).__sellerAuthDebug.setStorageFault(true),
  );
  await current.afterCatchUp(() => current.fireAlarm(DUE_ALARM));
  await popup.getByRole('button', { name: /^Refresh now for shop1\.seller/ }).click();
  await popup
    .getByRole('listitem', { name: /^shop1\.seller/ })
    .getByRole('alert')
    .waitFor();
  await expectAccessible(popup, 'popup with an error in a row');
  await popup.reload();
  await popup.getByRole('alert', { name: storageFailureTitle() }).waitFor();
  await expectAccessible(popup, 'popup with the storage banner');
});

test('the options page has no WCAG 2.2 AA violation, with its forms, confirmations and import preview', async () => {
  const current = await startSession();
  session = current;
  const options = await current.browser.openPage('src/options/index.html');
  await options.getByText('No apps yet.', { exact: false }).waitFor();
  await expectAccessible(options, 'options page without an app');

  await options.getByRole('button', { name: 'Add app' }).click();
  await options.getByRole('form', { name: 'Add app' }).waitFor();
  await options.getByRole('button', { name: 'Save app' }).click();
  await options.locator('[aria-invalid="true"]').first().waitFor();
  await expectAccessible(options, 'add-app form showing its errors');
  await options.getByText('Advanced: custom endpoints').click();
  await options.getByLabel('Another https URL already registered for the app').check();
  await expectAccessible(options, 'add-app form with the custom endpoints and a tab callback');
  await options.getByRole('button', { name: 'Cancel' }).click();

  const app = await current.addSandboxApp();
  await connectSeller(current, app, DEMO_SELLERS.lazadaSg);
  await options.reload();
  await options.getByRole('table', { name: 'Activity, newest first' }).waitFor();
  await expectAccessible(options, 'options page with an app, a shop and activity');

  await options.getByRole('button', { name: `Remove ${app.name}` }).click();
  await options.getByRole('button', { name: 'Remove app and 1 shop' }).waitFor();
  await expectAccessible(options, 'remove-app confirmation');
  await options.getByRole('button', { name: 'Keep it' }).click();

  await options.getByRole('button', { name: `Edit ${app.name}` }).click();
  await options.getByRole('form', { name: `Edit ${app.name}` }).waitFor();
  await expectAccessible(options, 'edit-app form');
  await options.getByRole('button', { name: 'Cancel' }).click();

  await options.getByLabel('Refresh before expiry (minutes)').fill('not a number');
  await options.getByRole('button', { name: 'Save settings' }).click();
  await options.locator('#settings-refresh-lead-error').waitFor();
  await expectAccessible(options, 'settings showing an error');

  const exportForm = options.getByRole('form', { name: 'Export' });
  await exportForm.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await exportForm.getByLabel('Passphrase again').fill(PASSPHRASE);
  await exportForm.getByRole('button', { name: 'Move to another browser…' }).click();
  await exportForm.getByRole('button', { name: 'Move and save the file' }).waitFor();
  await expectAccessible(options, 'move confirmation');
  await exportForm.getByRole('button', { name: 'Cancel' }).click();

  const download = options.waitForEvent('download');
  await exportForm.getByRole('button', { name: 'Export a copy' }).click();
  const saved = await download;
  const path = join(await mkdtemp(join(tmpdir(), 'seller-auth-a11y-')), saved.suggestedFilename());
  await saved.saveAs(path);
  await exportForm.getByRole('status').waitFor();
  await expectAccessible(options, 'export done, with its toast');

  const importForm = options.getByRole('form', { name: 'Import' });
  await importForm.getByLabel('Backup file').setInputFiles(path);
  await importForm.getByLabel(/^Passphrase of /).fill(PASSPHRASE);
  await importForm.getByRole('button', { name: 'Show what it imports' }).click();
  await importForm.getByRole('region', { name: 'What the import does' }).waitFor();
  await expectAccessible(options, 'import preview');

  // The check itself sees a violation when there is one: a field without a label.
  await options.evaluate(() => document.querySelector('main')?.append(document.createElement('input')));
  expect(await axeViolations(options)).toEqual([
    expect.stringMatching(/^label \(critical\) at main > input/),
  ]);
});

test('very long shop and app names keep both pages free of WCAG 2.2 AA violations', async () => {
  const current = await startSession({ sandbox: { sellers: [LONG_SELLER] } });
  session = current;
  const app = await current.addSandboxApp({ name: LONG_APP_NAME });
  await current.addSandboxApp({ platform: 'aliexpress', name: LONG_ALIEXPRESS_APP_NAME });
  await connectSeller(current, app, LONG_SELLER);
  const popup = await current.browser.openPage('src/popup/index.html');
  await popup.getByRole('list', { name: `Countries of ${LONG_SELLER.account}` }).waitFor();
  await expectAccessible(popup, 'popup with long names');
  const options = await current.browser.openPage('src/options/index.html');
  await options.getByRole('table', { name: 'Activity, newest first' }).waitFor();
  await expectAccessible(options, 'options page with long names');
});

test('in Filipino, the longest of the seven languages, with long names, both pages stay free of violations', async () => {
  const words = JSON.parse(
    await readFile(join('src', '_locales', 'fil', 'messages.json'), 'utf8'),
  ) as Catalog;
  const current = await startSession({ sandbox: { sellers: [LONG_SELLER] }, lang: 'fil' });
  session = current;
  const app = await current.addSandboxApp({ name: LONG_APP_NAME });
  await connectSeller(current, app, LONG_SELLER);
  const popup = await current.browser.openPage('src/popup/index.html');
  await popup
    .getByRole('button', { name: words.connect_shop?.message ?? 'connect_shop', exact: true })
    .waitFor();
  await popup.getByText(words.health_connected?.message ?? 'health_connected', { exact: true }).waitFor();
  await expectAccessible(popup, 'popup in Filipino with long names');
  const options = await current.browser.openPage('src/options/index.html');
  await options.locator('main').waitFor();
  await expectAccessible(options, 'options page in Filipino with long names');
});
