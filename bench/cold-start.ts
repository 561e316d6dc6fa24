/**
 * Phase 3b: worker cold start to first reply. The worker is stopped through DevTools (as
 * test/support/browser.ts does), confirmed stopped, then an extension page sends `extension.info` and
 * times the round trip in the page, so the figure is Chrome starting the worker plus the first answer.
 */
import type { CDPSession, Page } from 'playwright-core';
import { pollUntil } from './polling';
import { progress, sleep } from './progress';
import { type Summary, summarize } from './stats';

const STOP_WAIT_MS = 10_000;
/** Lets the restarted worker finish its start-up catch-up before the next stop. */
const SETTLE_MS = 1_500;

interface WorkerVersion {
  versionId: string;
  runningStatus: string;
}

async function waitUntil(label: string, condition: () => boolean): Promise<void> {
  const met = await pollUntil(STOP_WAIT_MS, 20, () => (condition() ? true : undefined));
  if (!met) throw new Error(`${label}: not within ${STOP_WAIT_MS / 1000} s`);
}

/** Stops the extension's service worker through DevTools, as Chrome does after 30 s idle. */
export interface WorkerStopper {
  /** Lets the running worker finish its start-up catch-up, stops it, and resolves once it is stopped. */
  stop(): Promise<void>;
  close(): Promise<void>;
}

export async function createWorkerStopper(page: Page): Promise<WorkerStopper> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const versions = new Map<string, string>();
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions: updated }: { versions: WorkerVersion[] }) => {
    for (const version of updated) versions.set(version.versionId, version.runningStatus);
  });
  await cdp.send('ServiceWorker.enable');
  const statuses = () => [...versions.values()];
  return {
    async stop() {
      // A running one first, so a status left over from the previous stop is never taken for this one.
      await waitUntil('worker running', () => statuses().includes('running'));
      await sleep(SETTLE_MS);
      await cdp.send('ServiceWorker.stopAllWorkers');
      await waitUntil(
        'worker stop',
        () => statuses().length > 0 && statuses().every((status) => status === 'stopped'),
      );
    },
    close: () => cdp.detach().catch(() => {}),
  };
}

/** Times one `extension.info` round trip from `page`, in ms; throws on an error reply. */
function timeFirstReply(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const started = performance.now();
    const reply = (await chrome.runtime.sendMessage({ type: 'extension.info', payload: undefined })) as {
      ok: boolean;
    };
    const elapsed = performance.now() - started;
    if (!reply?.ok) throw new Error('extension.info answered with an error');
    return elapsed;
  });
}

export async function measureColdStart(page: Page, runs: number, label: string): Promise<Summary> {
  const stopper = await createWorkerStopper(page);
  const times: number[] = [];
  try {
    for (let run = 1; run <= runs; run += 1) {
      await stopper.stop();
      times.push(await timeFirstReply(page));
      progress(`${label} cold start ${run}/${runs}: ${times.at(-1)?.toFixed(0)} ms`);
    }
  } finally {
    await stopper.close();
  }
  return summarize(times);
}
