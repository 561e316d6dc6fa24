/**
 * The platform acted on a refresh, but its answer was slow, dropped or outlived by the worker. A slow
 * answer is applied when it comes (the popup says it is still waiting meanwhile), so the grant holds
 * the live pair; a dropped one can never be had, and the next attempt ends honestly as
 * `refresh_interrupted`, never as a revocation by the seller.
 */
import type { Page } from 'playwright-core';
import { afterEach, expect, test } from 'vitest';
import { DEMO_SELLERS } from '../../sandbox/index';
import type { Grant } from '../../src/grants/model';
import { DEFAULT_TOKEN_TIMEOUT_MS } from '../../src/platforms/token-client';
import { describeError } from '../../src/ui/error-words';
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

async function connected(): Promise<{ current: Session; popup: Page; before: Grant; grantId: string }> {
  const current = await startSession();
  session = current;
  const app = await current.addSandboxApp();
  const { grantId } = await connectSeller(current, app, DEMO_SELLERS.lazadaSg);
  const popup = await current.browser.openPage('src/popup/index.html');
  return { current, popup, before: await onlyGrant(current), grantId };
}

async function shop(current: Session, popup: Page, grantId: string) {
  const view = (await current.call('grants.list', undefined)).find((listed) => listed.id === grantId);
  if (!view) throw new Error('the connected grant is not listed');
  await popup.reload();
  return shopInPopup(popup, view);
}

const words = (code: 'refresh_pending') =>
  describeError({ code, message: '', retryable: code === 'refresh_pending' }).title;
const exact = { exact: true } as const;

test('an answer slower than the client timeout is applied: the grant holds the live pair', async () => {
  const { current, popup, before, grantId } = await connected();
  const { row, refreshNow } = await shop(current, popup, grantId);
  current.sandbox.afterProcessingNext('token.refresh', 1, {
    mode: 'delay_ms',
    delayMs: DEFAULT_TOKEN_TIMEOUT_MS + 5_000,
  });

  await refreshNow.click();
  await row.getByText(words('refresh_pending'), exact).waitFor({ timeout: DEFAULT_TOKEN_TIMEOUT_MS + 5_000 });
  await expect
    .poll(async () => (await onlyGrant(current)).refreshToken, { timeout: 15_000 })
    .not.toBe(before.refreshToken);
  const after = await onlyGrant(current);
  expect(after).toMatchObject({ status: 'connected', failures: 0 });
  expect(after.refreshStartedAt).toBeUndefined();
  // The sandbox's current pair is the one stored: its access token is live, the old one is not.
  expect(current.sandbox.inspectAccessToken(after.accessToken)).toBeDefined();
  expect(current.sandbox.inspectAccessToken(before.accessToken)).toBeUndefined();
  expect(sandboxOutcomes(current.sandbox, 'token.refresh')).toEqual(['0']);
});

test('a dropped answer after processing ends as refresh_interrupted at the next attempt', async () => {
  const { current, popup, before, grantId } = await connected();
  const { refreshNow } = await shop(current, popup, grantId);
  // Two: Chromium resends a POST once when a reused connection drops without an answer.
  current.sandbox.afterProcessingNext('token.refresh', 2, { mode: 'drop' });

  await refreshNow.click();
  await expect
    .poll(async () => (await onlyGrant(current)).lastError?.code, { timeout: 20_000 })
    .toBe('network');
  const failed = await onlyGrant(current);
  expect(failed.refreshToken).toBe(before.refreshToken);
  expect(failed.refreshStartedAt).toBeDefined();

  const again = await shop(current, popup, grantId);
  await again.refreshNow.click();
  await expect
    .poll(async () => (await onlyGrant(current)).lastError?.code, { timeout: 20_000 })
    .toBe('refresh_interrupted');
  // The resent POST met the spent token too: the platform rotated on the first, no answer came back.
  expect(sandboxOutcomes(current.sandbox, 'token.refresh')).toEqual([
    '0',
    'IllegalRefreshToken',
    'IllegalRefreshToken',
  ]);
  await again.row.getByText(HEALTH_LABELS.needs_authorization, { exact: true }).waitFor();
  await again.row.getByText("the platform has already replaced this shop's token").waitFor();
  expect(await onlyGrant(current)).toMatchObject({
    status: 'needs_authorization',
    lastError: { code: 'refresh_interrupted' },
  });
  const log = await current.call('activity.list', { grantId });
  expect(log.some((entry) => entry.errorCode === 'refresh_interrupted')).toBe(true);
});

test('a worker killed while a processed answer is delayed ends interrupted, never revoked', async () => {
  const { current, popup, before, grantId } = await connected();
  const { refreshNow } = await shop(current, popup, grantId);
  current.sandbox.afterProcessingNext('token.refresh', 1, { mode: 'delay_ms', delayMs: 5_000 });

  await refreshNow.click();
  await expect.poll(async () => (await onlyGrant(current)).refreshStartedAt, { interval: 50 }).toBeDefined();
  await current.browser.stopWorker();
  await new Promise((resolve) => setTimeout(resolve, 6_000));

  // Woken by a message: the catch-up replays any write-ahead before anything else.
  await current.call('grants.list', undefined);
  const woken = await onlyGrant(current);
  // Measured in Chromium: the fetch dies with the worker, so no answer reached the journal.
  expect(woken.refreshToken).toBe(before.refreshToken);
  expect(woken.refreshStartedAt).toBeDefined();
  // The fetch died with the worker: the pair the platform rotated to is gone, and the next attempt says so.
  const again = await shop(current, popup, grantId);
  await again.refreshNow.click();
  await again.row.getByText(HEALTH_LABELS.needs_authorization, { exact: true }).waitFor();
  expect(await onlyGrant(current)).toMatchObject({ lastError: { code: 'refresh_interrupted' } });
});

test('an answer with both tokens but no identity fields is stored: live pair, seller kept', async () => {
  const { current, popup, before, grantId } = await connected();
  const { row, refreshNow } = await shop(current, popup, grantId);
  current.sandbox.afterProcessingNext('token.refresh', 1, { mode: 'strip_identity' });

  await refreshNow.click();
  await expect
    .poll(async () => (await onlyGrant(current)).refreshToken, { timeout: 15_000 })
    .not.toBe(before.refreshToken);
  const after = await onlyGrant(current);
  expect(after).toMatchObject({ status: 'connected', failures: 0, seller: before.seller });
  // The deadline stays (to within the call's time): a refresh never moves it.
  expect(Math.abs(after.refreshExpiresAt - before.refreshExpiresAt)).toBeLessThan(5_000);
  expect(current.sandbox.inspectAccessToken(after.accessToken)).toBeDefined();
  expect(current.sandbox.log.at(-1)).toMatchObject({ outcome: '0', afterProcessing: 'identity_stripped' });
  await row.getByText(HEALTH_LABELS.connected, exact).waitFor();
});
