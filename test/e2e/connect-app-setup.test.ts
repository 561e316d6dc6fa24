/**
 * An app owner sets up an app through the options page (no protocol shortcut), and the secret they
 * typed is write-only from then on: saved, used to sign, never shown or sent back to a page.
 */
import { afterEach, beforeEach, expect, test } from 'vitest';
import {
  DEMO_LAZADA_APP_KEY,
  DEMO_SELLERS,
  EXTENSION_CALLBACK_URL,
  type RegisteredApp,
} from '../../sandbox/index';
import { connectSeller, type Session, sandboxOutcomes, startSession } from '../support/session';

let session: Session;
let registered: RegisteredApp;

beforeEach(async () => {
  session = await startSession();
  const app = session.sandbox.apps.find((candidate) => candidate.appKey === DEMO_LAZADA_APP_KEY);
  if (!app) throw new Error('the sandbox has no demo Lazada app');
  registered = app;
});

afterEach(async () => {
  await session?.close();
});

const APP_NAME = 'Shop Sync (Lazada)';

test('an app saved through the options page is listed with its secret saved, and the secret is never readable back', async () => {
  const { authorizeUrl, tokenCreateUrl, tokenRefreshUrl } = session.sandbox.endpoints;
  const options = await session.browser.openPage('src/options/index.html');

  await options.getByRole('button', { name: 'Add app' }).click();
  const form = options.getByRole('form', { name: 'Add app' });
  await form.getByLabel('Name', { exact: true }).fill(APP_NAME);
  await form.getByLabel('Platform').selectOption('lazada');
  await form.getByLabel('App key', { exact: true }).fill(registered.appKey);
  await form.getByLabel('App secret', { exact: true }).fill(registered.appSecret);
  await form.getByRole('radio', { name: "This extension's URL (recommended)" }).check();
  // The URL the owner registers in the platform console: this extension's pinned chromiumapp.org URL.
  expect(await form.getByLabel('Extension callback URL').inputValue()).toBe(EXTENSION_CALLBACK_URL);
  await form.getByText('Advanced: custom endpoints').click();
  await form.getByLabel('Authorize URL').fill(authorizeUrl);
  await form.getByLabel('Token create URL').fill(tokenCreateUrl);
  await form.getByLabel('Token refresh URL').fill(tokenRefreshUrl);
  await form.getByRole('button', { name: 'Save app' }).click();

  await options.getByRole('status').filter({ hasText: 'App saved' }).waitFor();
  const row = options.getByRole('row').filter({ has: options.getByRole('rowheader', { name: APP_NAME }) });
  const cells = await row.getByRole('cell').allInnerTexts();
  expect(cells.slice(0, 4)).toEqual([
    'Lazada',
    registered.appKey,
    `${EXTENSION_CALLBACK_URL} (this extension)`,
    '✓ Saved',
  ]);

  // What the worker kept: the profile as typed, the secret flagged as saved but never in a reply.
  const apps = await session.call('apps.list', undefined);
  expect(apps).toHaveLength(1);
  expect(apps[0]).toMatchObject({
    name: APP_NAME,
    platform: 'lazada',
    appKey: registered.appKey,
    callbackUrl: EXTENSION_CALLBACK_URL,
    callbackKind: 'identity',
    hasSecret: true,
    endpoints: { authorizeUrl, tokenCreateUrl, tokenRefreshUrl },
  });
  expect(JSON.stringify(apps)).not.toContain(registered.appSecret);

  // Editing shows an empty secret field that says a secret is saved; the page holds the secret nowhere.
  await row.getByRole('button', { name: `Edit ${APP_NAME}` }).click();
  const editForm = options.getByRole('form', { name: `Edit ${APP_NAME}` });
  const secretField = editForm.getByLabel('App secret', { exact: true });
  expect(await secretField.inputValue()).toBe('');
  const hintId = await secretField.getAttribute('aria-describedby');
  expect(await options.locator(`[id="${hintId}"]`).textContent()).toBe('Saved. Leave empty to keep it.');
  const pageValues = await options
    .locator('input')
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  expect(pageValues).not.toContain(registered.appSecret);
  expect(await options.content()).not.toContain(registered.appSecret);

  // Saving the edit with the field left empty keeps the stored secret...
  await editForm.getByRole('button', { name: 'Save app' }).click();
  await editForm.waitFor({ state: 'hidden' });
  await row.getByRole('cell', { name: '✓ Saved' }).waitFor();
  expect((await session.call('apps.list', undefined))[0]?.hasSecret).toBe(true);

  // ...and it is the one typed: the sandbox accepts the signed token call made with it.
  const [app] = apps;
  if (!app) throw new Error('no app saved');
  await connectSeller(session, app, DEMO_SELLERS.lazadaSg);
  expect(sandboxOutcomes(session.sandbox, 'token.create')).toEqual(['0']);
  expect(await session.storedGrants()).toHaveLength(1);
});
