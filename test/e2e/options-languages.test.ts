/**
 * The options page in Chrome's language: with Chrome in Vietnamese (`--lang=vi`), its title, apps,
 * app form with the app check's words, settings and backup all read the Vietnamese catalog. A
 * screenshot goes to test-results/ for a person to look at.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import type { Catalog } from '../../src/shared/i18n-catalog';
import { startSession } from '../support/session';

const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

test('with Chrome in Vietnamese the options page speaks it', async () => {
  const words = JSON.parse(await readFile(join('src', '_locales', 'vi', 'messages.json'), 'utf8')) as Catalog;
  const message = (key: string) => words[key]?.message ?? `(no ${key})`;
  const session = await startSession({ lang: 'vi' });
  onTestFinished(() => session.close());
  await session.addSandboxApp({ name: 'Order Sync' });

  const options = await session.browser.openPage('src/options/index.html');
  const apps = options.getByRole('region', { name: message('apps_heading') });
  await apps.getByRole('button', { name: 'Sửa Order Sync' }).waitFor();
  expect(await options.title()).toBe(message('options_title'));
  expect(await options.evaluate(() => document.documentElement.lang)).toBe(message('intl_locale'));
  await options
    .getByRole('region', { name: message('settings') })
    .getByLabel(message('settings_notifications'))
    .waitFor();
  const backup = options.getByRole('region', { name: message('backup_heading') });
  await backup.getByRole('button', { name: message('backup_export_copy') }).waitFor();

  await apps.getByRole('button', { name: message('apps_add'), exact: true }).click();
  const form = options.getByRole('form', { name: message('apps_add') });
  await form.getByRole('button', { name: message('app_form_save') }).click();
  await form.getByText(message('app_input_name_missing')).waitFor();
  await form.getByText(message('app_input_secret_missing')).waitFor();
  const text = (await options.locator('main').textContent()) ?? '';
  for (const english of [
    'Add app',
    'Save app',
    'Callback URL',
    'Save settings',
    'Export a copy',
    'Passphrase',
  ]) {
    expect(text).not.toContain(english);
  }

  await mkdir(SCREENSHOTS, { recursive: true });
  await options.screenshot({ path: join(SCREENSHOTS, 'options-vi.png'), fullPage: true });
});
