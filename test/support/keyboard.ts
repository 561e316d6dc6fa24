/** Moving through a page with the keyboard only, as a person without a mouse does. */
import type { Locator, Page } from 'playwright-core';

/** The focused element's tag, accessible name (aria-label or text) and whether its focus shows. */
export function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return undefined;
    const name = element.getAttribute('aria-label') ?? element.textContent?.trim() ?? '';
    const style = getComputedStyle(element);
    return {
      tag: element.tagName.toLowerCase(),
      name,
      visible:
        element.matches(':focus-visible') && style.outlineStyle !== 'none' && style.outlineWidth !== '0px',
    };
  });
}

export function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((element) => element === document.activeElement).catch(() => false);
}

/** Presses Tab (Shift+Tab with `backwards`) until `target` has the focus; throws after `limit` presses. */
export async function tabTo(page: Page, target: Locator, { backwards = false, limit = 60 } = {}) {
  for (let presses = 0; presses < limit; presses++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  if (!(await isFocused(target))) {
    throw new Error(`Tab never reached ${target} (focus is on ${JSON.stringify(await focused(page))})`);
  }
}
