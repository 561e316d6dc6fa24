/**
 * The worker can die between any two lines: stopped while its refresh is on the wire, it loses nothing.
 * The sandbox consumes nothing from a client that left, the stored pair stays as it was (still good),
 * and the next refresh after the worker wakes succeeds with it.
 */
import { afterEach, expect, test } from 'vitest';
import { DEMO_SELLERS } from '../../sandbox/index';
import type { Grant } from '../../src/grants/model';
import { HEALTH_LABELS } from '../../src/ui/labels';
import { connectSeller, type Session, sandboxOutcomes, shopInPopup, startSession } from '../support/session';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function onlyGrant(current: Session): Promise<Grant> {
  const grants = await current.storedGrants();
  expect(grants).toHaveLength(1);
  return grants[0] as Grant;
}

test('a worker stopped while its refresh is on the wire loses nothing, and refreshes once awake', async () => {
  const current = await startSession();
  session = current;
  const app = await current.addSandboxApp();
  const { grantId } = await connectSeller(current, app, DEMO_SELLERS.lazadaSg);
  const before = await onlyGrant(current);
  const view = (await current.call('grants.list', undefined)).find((listed) => listed.id === grantId);
  if (!view) throw new Error('the connected grant is not listed');
  const popup = await current.browser.openPage('src/popup/index.html');
  const { row, refreshNow } = shopInPopup(popup, view);
  current.sandbox.setFaults('token.refresh', { latencyMs: 3_000 });

  await refreshNow.click();
  // `refreshStartedAt` is written just before the call goes out: from here it is on the wire.
  await expect.poll(async () => (await onlyGrant(current)).refreshStartedAt, { interval: 50 }).toBeDefined();
  await current.browser.stopWorker();

  // The sandbox saw the client leave and rotated nothing; the popup tells the person it got no answer.
  await expect.poll(() => sandboxOutcomes(current.sandbox, 'token.refresh')).toEqual(['aborted']);
  await row.getByRole('alert').getByText('Seller Auth was restarting').waitFor();
  current.sandbox.clearFaults();

  // A message wakes the worker: the grant is stored as it was, its tokens still good.
  await current.call('grants.list', undefined);
  const kept = await onlyGrant(current);
  expect(kept).toMatchObject({ status: 'connected', failures: 0 });
  expect(kept.lastError).toBeUndefined();
  expect(kept.accessToken).toBe(before.accessToken);
  expect(kept.refreshToken).toBe(before.refreshToken);
  expect(current.sandbox.inspectAccessToken(kept.accessToken)).toBeDefined();

  await refreshNow.click();
  await expect
    .poll(() => sandboxOutcomes(current.sandbox, 'token.refresh'), { timeout: 10_000 })
    .toEqual(['aborted', '0']);
  await expect.poll(() => popup.getByRole('alert').count()).toBe(0);
  await row.getByText(HEALTH_LABELS.connected, { exact: true }).waitFor();
  const after = await onlyGrant(current);
  expect(after.status).toBe('connected');
  expect(after.refreshStartedAt).toBeUndefined();
  expect(after.refreshToken).not.toBe(before.refreshToken);
  expect(current.sandbox.inspectAccessToken(after.accessToken)).toBeDefined();
});
