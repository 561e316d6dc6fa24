/**
 * The popup in Chrome's language: Chrome picks the catalog (`--lang`), and every word, date and
 * relative time follows it. Thai and Chinese, the two scripts furthest from English, and Vietnamese,
 * whose dates put the time first; a screenshot of each goes to test-results/ for a person to look at.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, onTestFinished, test } from 'vitest';
import { DEMO_SELLERS } from '../../sandbox/index';
import type { Catalog } from '../../src/shared/i18n-catalog';
import { connectSeller, startSession } from '../support/session';

const SCREENSHOTS = join(process.cwd(), 'test-results', 'screenshots');

async function catalog(folder: string): Promise<Catalog> {
  return JSON.parse(await readFile(join('src', '_locales', folder, 'messages.json'), 'utf8')) as Catalog;
}

const message = (words: Catalog, key: string) => words[key]?.message ?? `(no ${key})`;

test.each([
  ['th', 'th'],
  ['zh-CN', 'zh_CN'],
  ['vi', 'vi'],
])('with Chrome in %s the popup speaks it', async (lang, folder) => {
  const words = await catalog(folder);
  const session = await startSession({ lang });
  onTestFinished(() => session.close());
  const app = await session.addSandboxApp({ name: 'Order Sync' });
  await connectSeller(session, app, DEMO_SELLERS.lazadaSg);

  const popup = await session.browser.openPage('src/popup/index.html');
  await popup.setViewportSize({ width: 420, height: 600 });
  const row = popup.getByRole('listitem').filter({ hasText: DEMO_SELLERS.lazadaSg.account });
  await row.getByText(message(words, 'health_connected'), { exact: true }).waitFor();

  expect(await popup.evaluate(() => document.documentElement.lang)).toBe(message(words, 'intl_locale'));
  await popup.getByRole('button', { name: message(words, 'connect_shop'), exact: true }).waitFor();
  await popup.getByRole('button', { name: message(words, 'settings'), exact: true }).waitFor();
  const text = (await row.textContent()) ?? '';
  // The deadline line, its date and its "in 30 days" all in the language; no English left in the row.
  const deadlineStart = message(words, 'shop_authorize_by').split('$date$')[0] ?? '';
  expect(text).toContain(deadlineStart.trim());
  const inDays = await popup.evaluate(
    (tag) => new Intl.RelativeTimeFormat(tag, { numeric: 'always' }).format(29, 'day'),
    message(words, 'intl_locale'),
  );
  expect(text).toContain(inDays);
  for (const english of ['Connected', 'Authorize again', 'Access token', 'Refresh now', 'Seller ID']) {
    expect(text).not.toContain(english);
  }

  await mkdir(SCREENSHOTS, { recursive: true });
  await popup.screenshot({ path: join(SCREENSHOTS, `popup-${folder}.png`), fullPage: true });
});
