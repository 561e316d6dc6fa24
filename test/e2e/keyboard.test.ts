/**
 * The popup with the keyboard only (Tab, Shift+Tab, Enter, Space, Escape), in real Chromium against the
 * sandbox: connect a shop, refresh it, copy its token, remove it. Every control reached shows its focus,
 * and the focus never falls back to the page when a button is busy, a confirmation opens or closes, or
 * the row it was in goes away. On the options page, the remove-app and move confirmations open with
 * Enter and close with Escape, giving the focus back to the button that opened them.
 */
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { DEMO_PASSWORD, DEMO_SELLERS } from '../../sandbox/index';
import { shopLabel } from '../../src/popup/shop-words';
import { actionThatCloses } from '../support/closing-action';
import { focused, isFocused, tabTo } from '../support/keyboard';
import { atLoginPage, connectSeller, type Session, sandboxOutcomes, startSession } from '../support/session';

const PASSPHRASE = 'orange kettle under seven bridges';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** Tabs to `name` (a button unless `role` says otherwise) and checks its focus shows. */
async function tabToControl(page: Page, name: string, role: 'button' | 'checkbox' = 'button') {
  const target = page.getByRole(role, { name, exact: true });
  await tabTo(page, target);
  expect(await focused(page)).toMatchObject({ visible: true });
  return target;
}

test('a shop is connected, refreshed, its token copied and removed with the keyboard only', async () => {
  const current = await startSession();
  session = current;
  const app = await current.addSandboxApp({ platform: 'lazada' });
  const seller = DEMO_SELLERS.lazadaSg;
  const popup = await current.browser.openPage('src/popup/index.html');
  await popup.getByRole('button', { name: 'Connect shop' }).waitFor();

  // Connect: tick Singapore with Space, press Enter on "Connect shop", log in on the platform's page.
  await tabToControl(popup, 'Singapore', 'checkbox');
  await popup.keyboard.press('Space');
  expect(await popup.getByRole('checkbox', { name: 'Singapore' }).isChecked()).toBe(true);
  const connectButton = await tabToControl(popup, 'Connect shop');
  const opened = current.browser.context.waitForEvent('page');
  await popup.keyboard.press('Enter');
  const login = await atLoginPage(await opened);
  await tabTo(login, login.getByLabel('Account'));
  await login.keyboard.type(seller.account);
  await login.keyboard.press('Tab');
  await login.keyboard.type(DEMO_PASSWORD);
  await tabTo(login, login.getByRole('button', { name: 'Approve' }));
  // The login window closes as soon as the redirect lands, possibly before the key press returns.
  await actionThatCloses(login, () => login.keyboard.press('Enter'));

  await popup
    .getByRole('status')
    .filter({ hasText: `Connected ${seller.account}` })
    .waitFor();
  const [grant] = await current.call('grants.list', undefined);
  if (!grant) throw new Error('the shop was not stored');
  const label = shopLabel(grant);
  await popup.getByRole('listitem', { name: label, exact: true }).waitFor();
  // The button that started the login has the focus back once it is enabled again.
  await expect.poll(() => isFocused(connectButton)).toBe(true);

  // Refresh: Enter on "Refresh now"; the focus stays on it while it is busy and after.
  const refresh = await tabToControl(popup, `Refresh now for ${label}`);
  await popup.keyboard.press('Enter');
  await expect.poll(() => sandboxOutcomes(current.sandbox, 'token.refresh')).toEqual(['0']);
  await expect.poll(() => refresh.isEnabled()).toBe(true);
  await expect.poll(() => isFocused(refresh)).toBe(true);

  // Copy: Space on "Copy access token" puts the live token on the clipboard. The test may not read the
  // clipboard of an extension page, so it notes what the real write was given.
  await popup.evaluate(() => {
    const clipboard = navigator.clipboard;
    const write = clipboard.writeText.bind(clipboard);
    clipboard.writeText = (text) => {
      Object.assign(window, { copiedForTest: text });
      return write(text);
    };
  });
  const copy = await tabToControl(popup, `Copy access token for ${label}`, 'button');
  await popup.keyboard.press('Space');
  await popup
    .getByRole('status')
    .filter({ hasText: `Access token for ${seller.account} copied` })
    .waitFor();
  const [stored] = await current.storedGrants();
  expect(await popup.evaluate(() => (window as { copiedForTest?: string }).copiedForTest)).toBe(
    stored?.accessToken,
  );
  expect(await isFocused(copy)).toBe(true);

  // Remove: Enter opens the confirmation with the focus on Cancel; Escape closes it, back on Remove.
  const remove = await tabToControl(popup, `Remove ${label}`);
  await popup.keyboard.press('Enter');
  const cancel = popup.getByRole('button', { name: `Cancel removing ${label}`, exact: true });
  await expect.poll(() => isFocused(cancel)).toBe(true);
  expect(await focused(popup)).toMatchObject({ visible: true });
  await popup.keyboard.press('Escape');
  await expect.poll(() => isFocused(remove)).toBe(true);
  expect(await current.storedGrants()).toHaveLength(1);

  // Enter again, Shift+Tab to "Yes", Enter: the shop goes, and the focus lands on "Connect shop".
  await popup.keyboard.press('Enter');
  await expect.poll(() => isFocused(cancel)).toBe(true);
  await tabTo(popup, popup.getByRole('button', { name: `Yes, remove ${label}` }), { backwards: true });
  await popup.keyboard.press('Enter');
  await popup.getByText('No shops yet.', { exact: false }).waitFor();
  expect(await current.storedGrants()).toEqual([]);
  await expect.poll(() => isFocused(connectButton)).toBe(true);
  expect(await focused(popup)).toMatchObject({ visible: true });
  expect(app.id).toBe(grant.appId);
});

test('the options page confirmations open and close with the keyboard, and the focus comes back', async () => {
  const current = await startSession();
  session = current;
  const app = await current.addSandboxApp();
  await connectSeller(current, app, DEMO_SELLERS.lazadaSg);
  const options = await current.browser.openPage('src/options/index.html');

  // Remove app: Enter opens the confirmation on "Keep it"; Escape closes it, back on "Remove".
  const remove = await tabToControl(options, `Remove ${app.name}`);
  await options.keyboard.press('Enter');
  await expect.poll(() => isFocused(options.getByRole('button', { name: 'Keep it' }))).toBe(true);
  expect(await focused(options)).toMatchObject({ visible: true });
  await options.keyboard.press('Escape');
  await expect.poll(() => isFocused(remove)).toBe(true);
  expect(await options.getByRole('button', { name: 'Keep it' }).count()).toBe(0);

  // Move: typed passphrases, Enter on "Move to another browser…", Escape, back on it.
  const exportForm = options.getByRole('form', { name: 'Export' });
  await tabTo(options, exportForm.getByLabel('Passphrase', { exact: true }));
  await options.keyboard.type(PASSPHRASE);
  await options.keyboard.press('Tab');
  await options.keyboard.type(PASSPHRASE);
  const move = await tabToControl(options, 'Move to another browser…');
  await options.keyboard.press('Enter');
  await expect.poll(() => isFocused(exportForm.getByRole('button', { name: 'Cancel' }))).toBe(true);
  await options.keyboard.press('Escape');
  await expect.poll(() => isFocused(move)).toBe(true);
  expect(await current.storedGrants()).toMatchObject([{ status: 'connected' }]);
  expect((await current.storedGrants())[0]?.movedAt).toBeUndefined();
});
