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
/** A refresh against the local sandbox, its signal and the popup's reply take well under this. */
const CHANGE_WAIT_MS = 5_000;

/** One filter or search, entered at once, to the frame after the list showed its result. */
export interface FilterTiming {
  name: string;
  /** How many shops it leaves (the worker's total for it). */
  matches: number;
  ms: Summary;
}

export interface PopupResult {
  shops: number;
  search: { term: string; matches: number };
  /** Navigation start to the frame after the first shop row entered the DOM. */
  firstRowMs: Summary;
  /** The term entered at once (as a paste or `fill` does) to the frame after the list showed only the matches. */
  filterMs: Summary;
  /** Each filter (platform, status, country, app) to its result; measured at the main shop count only. */
  filters: FilterTiming[];
  /** One `grants.query` round trip from the open popup (the first window): the worker's share of the first render. */
  listMs: Summary;
  /** Size of the popup's first `grants.query` reply as JSON, in bytes (UTF-16 code units, near enough for ASCII). */
  listReplyBytes: number;
  /** The reply the popup got after a change signal naming one refreshed shop, in bytes; undefined when not measured. */
  changeReplyBytes?: number;
  /** Scripts, styles and pages the popup fetched, by file name (to check the bundle-size walk). */
  loadedFiles: string[];
}

/** The popup at another shop count: the first row and its first reply only. */
export interface PopupScaleResult {
  shops: number;
  firstRowMs: Summary;
  listReplyBytes: number;
  /**
   * The same, each opening waking a stopped worker (Chrome stops it after 30 s idle, so this is what
   * a seller opening the popup now and then meets): the worker's start and its one full read included.
   */
  workerAsleepMs?: Summary;
}

interface ReplyProbe {
  __benchQueryReplies?: { bytes: number; changed: boolean }[];
}

/**
 * Runs in the page before its own scripts: records the size of every `grants.query` reply the popup
 * gets (and whether it asked about changed shops), by wrapping `chrome.runtime.sendMessage`.
 */
function recordQueryReplies() {
  const runtime = chrome.runtime;
  const original = runtime.sendMessage.bind(runtime) as (message: unknown) => Promise<unknown>;
  const probe = window as unknown as ReplyProbe;
  probe.__benchQueryReplies = [];
  (runtime as unknown as { sendMessage: (message: unknown) => Promise<unknown> }).sendMessage = async (
    message: unknown,
  ) => {
    const reply = await original(message);
    const sent = message as { type?: string; payload?: { changed?: string[] } };
    if (sent?.type === 'grants.query') {
      probe.__benchQueryReplies?.push({
        bytes: JSON.stringify(reply).length,
        changed: (sent.payload?.changed?.length ?? 0) > 0,
      });
    }
    return reply;
  };
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

/** A filter a bench run sets: the select's label and the value chosen. */
export interface FilterChoice {
  name: string;
  label: string;
  value: string;
}

/**
 * Chooses `value` in the select labelled `label`, then times the frame after the list shows the result:
 * its status line naming the worker's total for that filter, or "No shops match". Resets the choice after.
 */
function timeSelect(page: Page, choice: FilterChoice): Promise<{ ms: number; matches: number }> {
  return page.evaluate(
    async ({ label, value }) => {
      const select = document.querySelector<HTMLSelectElement>(`select[aria-label="${label}"]`);
      const list = select?.closest('section');
      if (!select || !list) throw new Error(`no ${label} select in a shop list`);
      const filter = { text: '', platform: 'all', health: 'all', country: 'all', appId: 'all' };
      const key = { Platform: 'platform', Status: 'health', Country: 'country', 'Filter by app': 'appId' }[
        label
      ];
      if (!key) throw new Error(`unknown filter ${label}`);
      const answer = (await chrome.runtime.sendMessage({
        type: 'grants.query',
        payload: { ...filter, [key]: value, offset: 0, limit: 50 },
      })) as { value: { total: number } };
      const total = answer.value.total;
      const expected =
        total === 0
          ? 'No shops match.'
          : `Showing 1–${Math.min(50, total).toLocaleString('en')} of ${total.toLocaleString('en')} shops`;
      if ((list.textContent ?? '').includes(expected))
        throw new Error(`${label} ${value} would not change the list`);
      const started = performance.now();
      const ms = await new Promise<number>((resolve) => {
        const observer = new MutationObserver(() => {
          if (!(list.textContent ?? '').includes(expected)) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        });
        observer.observe(list, { childList: true, subtree: true, characterData: true });
        select.value = value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      });
      // Back to every shop, and wait for it (at most 5 s), before the next filter.
      const reset = new Promise<void>((resolve) => {
        setTimeout(resolve, 5_000);
        const observer = new MutationObserver(() => {
          if (!(list.textContent ?? '').includes('Showing 1–50 of')) return;
          observer.disconnect();
          resolve();
        });
        observer.observe(list, { childList: true, subtree: true, characterData: true });
      });
      select.value = 'all';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await reset;
      return { ms, matches: total };
    },
    { label: choice.label, value: choice.value },
  );
}

/** Times one `grants.query` for the first window from the page, as the popup's own load sends it. */
function timeShopQuery(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const started = performance.now();
    await chrome.runtime.sendMessage({
      type: 'grants.query',
      payload: {
        text: '',
        platform: 'all',
        health: 'all',
        country: 'all',
        appId: 'all',
        offset: 0,
        limit: 50,
      },
    });
    return performance.now() - started;
  });
}

function queryReplies(page: Page): Promise<{ bytes: number; changed: boolean }[]> {
  return page.evaluate(() => (window as unknown as ReplyProbe).__benchQueryReplies ?? []);
}

/** Opens the popup and times its first row; the page is left open for more. */
async function openPopup(browser: ExtensionBrowser): Promise<{ page: Page; firstRowMs: number }> {
  const page = await browser.context.newPage();
  await page.setViewportSize(VIEWPORT);
  await page.addInitScript(watchFirstRow, SHOP_ROW);
  await page.addInitScript(recordQueryReplies);
  await page.goto(`chrome-extension://${browser.extensionId}/${POPUP_PAGE}`);
  return { page, firstRowMs: await timeFirstRow(page) };
}

/** Opens the popup, times its first row, closes it; also the size of its first reply. */
async function timeOneOpening(
  browser: ExtensionBrowser,
): Promise<{ firstRowMs: number; replyBytes: number }> {
  const { page, firstRowMs } = await openPopup(browser);
  try {
    return { firstRowMs, replyBytes: (await queryReplies(page))[0]?.bytes ?? 0 };
  } finally {
    await page.close();
  }
}

/** First row and first reply only, `runs` times: the popup at another shop count. */
export async function measurePopupAt(
  browser: ExtensionBrowser,
  options: { shops: number; runs: number },
): Promise<PopupScaleResult> {
  const firstRow: number[] = [];
  let listReplyBytes = 0;
  for (let run = 1; run <= options.runs; run += 1) {
    const opening = await timeOneOpening(browser);
    firstRow.push(opening.firstRowMs);
    listReplyBytes = opening.replyBytes;
    progress(
      `popup at ${options.shops} shops, run ${run}/${options.runs}: first row ${opening.firstRowMs.toFixed(0)} ms`,
    );
  }
  return { shops: options.shops, firstRowMs: summarize(firstRow), listReplyBytes };
}

/** First row, `runs` times, each opening waking a worker `stopWorker` stopped just before. */
export async function measurePopupWakingWorker(
  browser: ExtensionBrowser,
  options: { shops: number; runs: number; stopWorker(): Promise<void> },
): Promise<Summary> {
  const firstRow: number[] = [];
  for (let run = 1; run <= options.runs; run += 1) {
    await options.stopWorker();
    firstRow.push((await timeOneOpening(browser)).firstRowMs);
    progress(
      `popup at ${options.shops} shops, waking the worker, run ${run}/${options.runs}: first row ${firstRow.at(-1)?.toFixed(0)} ms`,
    );
  }
  return summarize(firstRow);
}

/**
 * With the popup open, refreshes one shop (`grants.refresh` from the control page): the worker's
 * signal names it, and the popup's next reply is measured.
 */
async function changeReplyBytes(page: Page, refreshOne: () => Promise<unknown>): Promise<number | undefined> {
  // Twice at most: a change the worker could not name (an app saved since its last signal) makes the
  // next signal a bare one, and the popup then asks for its whole window.
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const before = (await queryReplies(page)).length;
    await refreshOne();
    const deadline = Date.now() + CHANGE_WAIT_MS;
    while (Date.now() < deadline) {
      const replies = (await queryReplies(page)).slice(before);
      const next = replies.find((reply) => reply.changed);
      if (next) return next.bytes;
      if (replies.length > 0 && Date.now() > deadline - CHANGE_WAIT_MS / 2) break;
      await sleep(50);
    }
  }
  return undefined;
}

export async function measurePopup(
  browser: ExtensionBrowser,
  options: {
    shops: number;
    term: string;
    matches: readonly string[];
    runs: number;
    filters: readonly FilterChoice[];
    refreshOne?: () => Promise<unknown>;
  },
): Promise<PopupResult> {
  const firstRow: number[] = [];
  const filter: number[] = [];
  const list: number[] = [];
  const byFilter = new Map<string, { matches: number; ms: number[] }>();
  let listReplyBytes = 0;
  let changeBytes: number | undefined;
  for (let run = 1; run <= options.runs; run += 1) {
    const { page, firstRowMs } = await openPopup(browser);
    try {
      firstRow.push(firstRowMs);
      listReplyBytes = (await queryReplies(page))[0]?.bytes ?? 0;
      await page.locator(SEARCH).waitFor({ timeout: WAIT_MS });
      filter.push(await within(WAIT_MS, 'filtered list', timeFilter(page, options.term, options.matches)));
      await page.locator(SEARCH).fill('');
      await page.getByText(`of ${options.shops.toLocaleString('en')} shops`).waitFor({ timeout: WAIT_MS });
      for (const choice of options.filters) {
        const timed = await within(WAIT_MS, `${choice.name} filter`, timeSelect(page, choice));
        const entry = byFilter.get(choice.name) ?? { matches: timed.matches, ms: [] };
        entry.ms.push(timed.ms);
        byFilter.set(choice.name, entry);
      }
      list.push(await timeShopQuery(page));
      if (run === 1 && options.refreshOne) changeBytes = await changeReplyBytes(page, options.refreshOne);
      progress(
        `popup run ${run}/${options.runs}: first row ${firstRow.at(-1)?.toFixed(0)} ms, search ${filter.at(-1)?.toFixed(0)} ms, grants.query ${list.at(-1)?.toFixed(0)} ms, filters ${[...byFilter].map(([name, entry]) => `${name} ${entry.ms.at(-1)?.toFixed(0)}`).join(', ')} ms`,
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
    filters: [...byFilter].map(([name, entry]) => ({
      name,
      matches: entry.matches,
      ms: summarize(entry.ms),
    })),
    listMs: summarize(list),
    listReplyBytes,
    ...(changeBytes !== undefined ? { changeReplyBytes: changeBytes } : {}),
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
