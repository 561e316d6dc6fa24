/**
 * Open pages learn about grant changes from the worker: every re-arm (after a connect, a refresh, a
 * removal, a settings change, each scheduled run) ends with one `grants.changed` broadcast that names
 * the changed shops' ids (and nothing else: no views, no tokens).
 */
import { describe, expect, it, vi } from 'vitest';
import { createChangeSignal } from '../../../../src/background/adapters/change-signal';
import { createMessageListener } from '../../../../src/background/messaging/router';
import { grantFromTokens } from '../../../../src/grants/lifecycle';
import { DEFAULT_SETTINGS } from '../../../../src/shared/model';
import type { Reply, WorkerEvent } from '../../../../src/shared/protocol';
import { approveWith, createHarness, EXTENSION_ID, type Harness, seller } from '../harness';

const DAY = 86_400_000;

async function connect(h: Harness, appId: string, account: string, userId: string): Promise<string> {
  h.tokens.addCode(`code-${userId}`, seller(account, userId));
  h.windows.identity.script = approveWith(`code-${userId}`);
  const attempt = await h.send('connect.start', { appId });
  if (!attempt.grantId) throw new Error(`connect failed: ${attempt.error?.code}`);
  return attempt.grantId;
}

/** Runs `change` and returns what `look` saw in the stores as each signal went out. */
async function seenAtSignals<T>(h: Harness, look: () => T, change: () => Promise<unknown>): Promise<T[]> {
  const seen: T[] = [];
  h.changes.onSignal = () => seen.push(look());
  await change();
  return seen;
}

describe('the worker tells open pages after each change to grants', () => {
  it('a connect, once the new grant is stored', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const seen = await seenAtSignals(
      h,
      () => h.stores.grants.peek(`${app.id}|u:1|sg`)?.seller.account,
      () => connect(h, app.id, 'a@shop.sg', '1'),
    );
    expect(seen).toEqual(['a@shop.sg']);
  });

  it('a refresh asked for by a page, once the rotated tokens are stored', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grantId = await connect(h, app.id, 'a@shop.sg', '1');
    const before = h.stores.grants.peek(grantId);
    await h.clock.advance(DAY);

    const seen = await seenAtSignals(
      h,
      () => h.stores.grants.peek(grantId)?.refreshToken,
      () => h.send('grants.refresh', { grantId }),
    );

    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeDefined();
    expect(seen[0]).not.toBe(before?.refreshToken);
  });

  it('a removal, once the grant is gone', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grantId = await connect(h, app.id, 'a@shop.sg', '1');
    const seen = await seenAtSignals(
      h,
      () => h.stores.grants.peek(grantId),
      () => h.send('grants.remove', { grantId }),
    );
    expect(seen).toEqual([undefined]);
    expect(h.changes.ids.at(-1)).toEqual([grantId]);
  });

  it('a settings change, once the grants are rescheduled by it', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grantId = await connect(h, app.id, 'a@shop.sg', '1');
    const before = h.stores.grants.peek(grantId)?.dueAt ?? 0;
    const seen = await seenAtSignals(
      h,
      () => h.stores.grants.peek(grantId)?.dueAt,
      () => h.send('settings.save', { keepAccessDays: (DEFAULT_SETTINGS.keepAccessDays ?? 0) + 1 }),
    );
    expect(seen).toHaveLength(1);
    expect(seen[0]).toBeLessThan(before);
  });

  it('a scheduled run, once what came due is refreshed', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const tokens = h.tokens.issue(seller('a@shop.sg', '1'));
    const grant = grantFromTokens(tokens, {
      appId: app.id,
      platform: 'lazada',
      now: h.clock.now(),
      settings: DEFAULT_SETTINGS,
    });
    await h.stores.grants.put(grant);
    await h.worker.rearm(); // a worker's first signal names no ids: it cannot know what came before it
    await h.clock.advanceTo(grant.dueAt + 1);

    const seen = await seenAtSignals(
      h,
      () => h.stores.grants.peek(grant.id)?.lastRefreshedAt,
      () => h.worker.catchUp(),
    );

    expect(seen).toEqual([h.clock.now()]);
    expect(h.changes.ids.at(-1)).toEqual([grant.id]);
  });
});

describe('the chrome change signal', () => {
  it('broadcasts grants.changed with the changed ids only, or bare when they are not known', async () => {
    const sendMessage = vi.fn(async (_message: WorkerEvent) => undefined);
    const signal = createChangeSignal({ sendMessage });
    await signal.grantsChanged(['app-1|u:1|sg']);
    await signal.grantsChanged();
    expect(sendMessage.mock.calls).toEqual([
      [{ event: 'grants.changed', ids: ['app-1|u:1|sg'] }],
      [{ event: 'grants.changed' }],
    ]);
  });

  it('shrugs off having no page to tell', async () => {
    const noReceiver = new Error('Could not establish connection. Receiving end does not exist.');
    const sendMessage = vi.fn(() => Promise.reject(noReceiver));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      await expect(createChangeSignal({ sendMessage }).grantsChanged()).resolves.toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('does not wait for pages to take the message', async () => {
    const sendMessage = vi.fn(() => new Promise<never>(() => {}));
    await expect(createChangeSignal({ sendMessage }).grantsChanged()).resolves.toBeUndefined();
  });

  it('is never taken for a request by the worker: the router refuses it without running a handler', async () => {
    const handler = vi.fn();
    const handlers = new Proxy({}, { get: () => handler }) as Parameters<typeof createMessageListener>[0];
    const origin = `chrome-extension://${EXTENSION_ID}`;
    const listener = createMessageListener(handlers, { id: EXTENSION_ID, origin });
    const reply = await new Promise<Reply<unknown>>((resolve) => {
      listener(
        { event: 'grants.changed' },
        { id: EXTENSION_ID, url: `${origin}/src/popup/index.html` },
        resolve,
      );
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(handler).not.toHaveBeenCalled();
  });
});
