/**
 * A DevTools session on the extension's service worker. Playwright gives no CDP session for a worker,
 * so this attaches from a browser-level session and talks to the worker target through
 * `Target.sendMessageToTarget` (the non-flattened mode, which leaves Playwright's own sessions alone).
 */
import type { BrowserContext, CDPSession } from 'playwright-core';

export interface HeapUsage {
  /** V8 heap in use, bytes (`Runtime.getHeapUsage` usedSize). */
  usedBytes: number;
  /** V8 heap reserved, bytes. */
  totalBytes: number;
}

export interface WorkerDevTools {
  heapUsage(): Promise<HeapUsage>;
  /** A full GC in the worker, so "before" and "after" compare what is retained, not garbage. */
  collectGarbage(): Promise<void>;
  detach(): Promise<void>;
}

interface TargetReply {
  id: number;
  result?: unknown;
  error?: { message: string };
}

const CALL_TIMEOUT_MS = 10_000;

export async function attachToServiceWorker(
  context: BrowserContext,
  scriptUrl: string,
): Promise<WorkerDevTools> {
  const browser = context.browser();
  if (!browser) throw new Error('No browser behind this context: cannot open a browser CDP session.');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((info) => info.type === 'service_worker' && info.url === scriptUrl);
  if (!target) throw new Error(`No running service worker at ${scriptUrl}.`);
  const { sessionId } = await cdp.send('Target.attachToTarget', {
    targetId: target.targetId,
    flatten: false,
  });

  let nextId = 1;
  const waiting = new Map<number, (reply: TargetReply) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as Partial<TargetReply>;
    if (typeof reply.id === 'number') waiting.get(reply.id)?.(reply as TargetReply);
  });

  const call = (method: string, params: object = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        waiting.delete(id);
        reject(new Error(`${method}: the worker did not answer`));
      }, CALL_TIMEOUT_MS);
      waiting.set(id, (reply) => {
        clearTimeout(timer);
        waiting.delete(id);
        if (reply.error) reject(new Error(`${method}: ${reply.error.message}`));
        else resolve(reply.result);
      });
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(reject);
    });

  return {
    async heapUsage() {
      const { usedSize, totalSize } = (await call('Runtime.getHeapUsage')) as {
        usedSize: number;
        totalSize: number;
      };
      return { usedBytes: usedSize, totalBytes: totalSize };
    },
    async collectGarbage() {
      await call('HeapProfiler.collectGarbage');
    },
    async detach() {
      await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => {});
      await cdp.detach().catch(() => {});
    },
  };
}
