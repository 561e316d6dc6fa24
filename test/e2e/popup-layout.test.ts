/**
 * Chrome sizes a popup to its content, at most 800x600, and whatever is wider is cut off or scrolls
 * sideways. With the longest names a seller or an app can have, a cross-border shop in all six countries
 * and an error line, nothing in the popup may stick out of it, sideways scrolling included.
 */
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { DEMO_SELLERS } from '../../sandbox/index';
import { LONG_ALIEXPRESS_APP_NAME, LONG_APP_NAME, LONG_SELLER } from '../support/long-names';
import { connectSeller, type Session, startSession } from '../support/session';

const POPUP_MAX = { width: 800, height: 600 };

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The popup's width, and every element that sticks out of the popup or of its own box. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const main = document.querySelector('main');
    if (!main) throw new Error('no popup');
    const box = main.getBoundingClientRect();
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}.${[...element.classList].join('.')} "${element.textContent?.slice(0, 40)}"`;
    const outside: string[] = [];
    for (const element of main.querySelectorAll('*')) {
      const rect = element.getBoundingClientRect();
      if (rect.width === 0 && rect.height === 0) continue;
      if (rect.left < box.left - 0.5 || rect.right > box.right + 0.5)
        outside.push(`outside: ${describe(element)}`);
      if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0) {
        outside.push(`cut off: ${describe(element)} (${element.scrollWidth} > ${element.clientWidth})`);
      }
    }
    const root = document.documentElement;
    // Taller than 600 px is fine as long as the popup scrolls down to the rest.
    const clipsHeight = [root, document.body].some(
      (element) => getComputedStyle(element).overflowY === 'hidden',
    );
    return {
      width: box.width,
      pageScrollsSideways: root.scrollWidth > root.clientWidth,
      clipsHeight,
      outside,
    };
  });
}

test('the popup fits 800x600 with very long names, six countries and an error, without sideways scrolling', async () => {
  const current = await startSession({ sandbox: { sellers: [LONG_SELLER] } });
  session = current;
  const app = await current.addSandboxApp({ name: LONG_APP_NAME });
  await current.addSandboxApp({ platform: 'aliexpress', name: LONG_ALIEXPRESS_APP_NAME });
  const { grantId } = await connectSeller(current, app, LONG_SELLER);
  await connectSeller(current, app, DEMO_SELLERS.lazadaCrossBorder);
  current.sandbox.failNext('token.refresh', 1, 'http500');
  expect((await current.call('grants.refresh', { grantId })).health).toBe('failing');

  const popup = await current.browser.context.newPage();
  await popup.setViewportSize(POPUP_MAX);
  await popup.goto(`chrome-extension://${current.browser.extensionId}/src/popup/index.html`);
  await popup.getByRole('list', { name: `Countries of ${LONG_SELLER.account}` }).waitFor();
  await popup.getByRole('combobox').selectOption({ label: `${LONG_APP_NAME} (Lazada)` });
  expect(
    await popup
      .getByRole('list', { name: `Countries of ${LONG_SELLER.account}` })
      .getByRole('listitem')
      .count(),
  ).toBe(6);

  const wide = await overflow(popup);
  expect(wide).toMatchObject({ pageScrollsSideways: false, clipsHeight: false, outside: [] });
  expect(wide.width).toBeLessThanOrEqual(POPUP_MAX.width);

  // Chrome gives the popup the width of its content: at exactly that width, nothing scrolls sideways.
  await popup.setViewportSize({ width: Math.ceil(wide.width), height: POPUP_MAX.height });
  expect(await overflow(popup)).toMatchObject({
    pageScrollsSideways: false,
    clipsHeight: false,
    outside: [],
  });

  // The remove confirmation of the long-named shop fits too.
  await popup.getByRole('button', { name: /^Remove the\.very\.long/ }).click();
  await popup.getByRole('button', { name: /^Cancel removing / }).waitFor();
  expect(await overflow(popup)).toMatchObject({
    pageScrollsSideways: false,
    clipsHeight: false,
    outside: [],
  });
});
