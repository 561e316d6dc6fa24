/**
 * Phase 2: the popup over thousands of shops. Timed inside the page (performance.now(), whose origin is
 * the navigation start) to the animation frame after the DOM shows the state, so Playwright's round trips
 * stay out of the figures.
 */
import type { Page } from 'playwright-core';
import type { ExtensionBrowser } from '../test/support/browser';
import { progress, sleep, within } from './progress';
import { type Summary, summarize } from './stats';

export const POPUP_PAGE = 'src/popup/index.html';
const SHOP_ROW = 'li.shop[data-grant-id]';
const SEARCH = 'input[aria-label="Search shops"]';
const VIEWPORT = { width: 400, height: 600 };
const WAIT_MS = 30_000;
/** Time for lazy chunks to arrive after the list shows. */
const SETTLE_MS = 500;

export interface PopupResult {
  shops: number;
  search: { term: string; matches: number };
  /** Navigation start to the frame after the first shop row entered the DOM. */
  firstRowMs: Summary;
  /** The term entered at once (as a paste or `fill` does) to the frame after the list showed only the matches. */
  filterMs: Summary;
  /** One `grants.list` round trip from the open popup: the worker's share of the first render. */
  listMs: Summary;
  /** Size of that reply as JSON, in bytes (UTF-16 code units, near enough for ASCII data). */
  listReplyBytes: number;
  /** Scripts, styles and pages the popup fetched, by file name (to check the bundle-size walk). */
  loadedFiles: string[];
}

interface FirstRowProbe {
  __benchFirstRowMs?: number;
}

/**
 * Runs in the page before its own scripts: once a shop row is in the DOM, stamps the next animation
 * frame (the one that paints it). A MutationObserver finds the row: a requestAnimationFrame asked for
 * at document start is dropped by Chromium before the first frame, measured.
 */
function watchFirstRow(selector: string) {
  const observer = new MutationObserver(() => {
    if (!document.querySelector(selector)) return;
    observer.disconnect();
    requestAnimationFrame(() => {
      (window as unknown as FirstRowProbe).__benchFirstRowMs = performance.now();
    });
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function timeFirstRow(page: Page): Promise<number> {
  await page.waitForFunction(
    () => (window as unknown as FirstRowProbe).__benchFirstRowMs !== undefined,
    null,
    {
      timeout: WAIT_MS,
    },
  );
  return page.evaluate(() => (window as unknown as FirstRowProbe).__benchFirstRowMs as number);
}

/** Enters `term` in one input event, then times the frame after the rows became exactly `expected`. */
function timeFilter(page: Page, term: string, expected: readonly string[]): Promise<number> {
  return page.evaluate(
    ({ term, expected, rowSelector, searchSelector }) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>(searchSelector);
        const list = input?.closest('section');
        if (!input || !list) {
          reject(new Error('no search box in a shop list'));
          return;
        }
        const wanted = new Set(expected);
        const started = performance.now();
        // No named inner functions here: tsx would wrap them in a helper that does not exist in the page.
        const observer = new MutationObserver(() => {
          const rows = [...list.querySelectorAll(rowSelector)];
          const onlyMatches =
            rows.length === wanted.size &&
            rows.every((row) => wanted.has(row.querySelector('.shop__account')?.textContent ?? ''));
          if (!onlyMatches) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        });
        observer.observe(list, { childList: true, subtree: true, characterData: true });
        input.value = term;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    { term, expected, rowSelector: SHOP_ROW, searchSelector: SEARCH },
  );
}

/** Times `grants.list` from the page, as the popup's own load sends it. */
function timeShopList(page: Page): Promise<{ ms: number; bytes: number }> {
  return page.evaluate(async () => {
    const started = performance.now();
    const reply: unknown = await chrome.runtime.sendMessage({ type: 'grants.list', payload: undefined });
    const ms = performance.now() - started;
    return { ms, bytes: JSON.stringify(reply).length };
  });
}

export async function measurePopup(
  browser: ExtensionBrowser,
  options: { shops: number; term: string; matches: readonly string[]; runs: number },
): Promise<PopupResult> {
  const firstRow: number[] = [];
  const filter: number[] = [];
  const list: number[] = [];
  let listReplyBytes = 0;
  for (let run = 1; run <= options.runs; run += 1) {
    const page = await browser.context.newPage();
    try {
      await page.setViewportSize(VIEWPORT);
      await page.addInitScript(watchFirstRow, SHOP_ROW);
      await page.goto(`chrome-extension://${browser.extensionId}/${POPUP_PAGE}`);
      firstRow.push(await timeFirstRow(page));
      await page.locator(SEARCH).waitFor({ timeout: WAIT_MS });
      filter.push(await within(WAIT_MS, 'filtered list', timeFilter(page, options.term, options.matches)));
      const listed = await timeShopList(page);
      list.push(listed.ms);
      listReplyBytes = listed.bytes;
      progress(
        `popup run ${run}/${options.runs}: first row ${firstRow.at(-1)?.toFixed(0)} ms, filter ${filter.at(-1)?.toFixed(0)} ms, grants.list ${listed.ms.toFixed(0)} ms`,
      );
    } finally {
      await page.close();
    }
  }
  return {
    shops: options.shops,
    search: { term: options.term, matches: options.matches.length },
    firstRowMs: summarize(firstRow),
    filterMs: summarize(filter),
    listMs: summarize(list),
    listReplyBytes,
    loadedFiles: await filesLoadedByPopup(browser),
  };
}

/**
 * What the popup fetches from the extension (DevTools' network events: Resource Timing leaves
 * chrome-extension:// files out), once its shops are shown and its first message has been sent.
 * An untimed load of its own, so the network domain never slows a timed one.
 */
async function filesLoadedByPopup(browser: ExtensionBrowser): Promise<string[]> {
  const page = await browser.context.newPage();
  const origin = `chrome-extension://${browser.extensionId}`;
  const paths = new Set<string>();
  try {
    const cdp = await browser.context.newCDPSession(page);
    cdp.on('Network.requestWillBeSent', ({ request }) => {
      if (request.url.startsWith(`${origin}/`)) paths.add(new URL(request.url).pathname);
    });
    await cdp.send('Network.enable');
    await page.goto(`${origin}/${POPUP_PAGE}`);
    await page.locator(SHOP_ROW).first().waitFor({ timeout: WAIT_MS });
    await sleep(SETTLE_MS);
  } finally {
    await page.close();
  }
  return [...paths];
}
