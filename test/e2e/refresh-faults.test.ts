/**
 * Every way a refresh can fail, from the popup's "Refresh now" against the sandbox's scripted faults:
 * transient trouble leaves the grant connected ("Refresh failing", a retry scheduled, the tokens
 * untouched) and a later success heals it; a refused refresh token ends in "Needs authorization" with
 * nothing retried, and the grant kept.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { DEMO_LAZADA_APP_KEY, DEMO_SELLERS, type FaultKind, type SandboxSeller } from '../../sandbox/index';
import { DUE_ALARM } from '../../src/background/adapters/alarm-scheduler';
import { type Grant, NEVER_DUE } from '../../src/grants/model';
import { createTokenClient, DEFAULT_TOKEN_TIMEOUT_MS } from '../../src/platforms/token-client';
import type { ErrorCode } from '../../src/shared/errors';
import type { AppView } from '../../src/shared/model';
import { describeError } from '../../src/ui/error-words';
import { HEALTH_LABELS } from '../../src/ui/labels';
import { connectSeller, type Session, sandboxOutcomes, shopInPopup, startSession } from '../support/session';

/** Each scripted answer and the error the grant must record for it. */
const TRANSIENT_FAULTS: { kind: FaultKind; code: ErrorCode }[] = [
  { kind: 'http500', code: 'upstream_unavailable' },
  { kind: 'html', code: 'malformed_response' },
  { kind: 'malformedJson', code: 'malformed_response' },
  { kind: 'drop', code: 'network' },
  { kind: 'serviceTimeout', code: 'service_timeout' },
];

interface Shop {
  grantId: string;
  row: Locator;
  refreshNow: Locator;
  authorizeAgain: Locator;
}

let session: Session;
let app: AppView;
let popup: Page;

beforeAll(async () => {
  // Default lifetimes (days): nothing comes due by itself while these tests run.
  session = await startSession();
  app = await session.addSandboxApp();
});
afterAll(async () => {
  await session?.close();
});
beforeEach(() => {
  session.sandbox.clearFaults();
});

async function connectShop(seller: SandboxSeller): Promise<Shop> {
  const { grantId } = await connectSeller(session, app, seller);
  const view = (await session.call('grants.list', undefined)).find((listed) => listed.id === grantId);
  if (!view) throw new Error(`${seller.account} is not listed`);
  popup ??= await session.browser.openPage('src/popup/index.html');
  await popup.reload();
  return { grantId, ...shopInPopup(popup, view) };
}

async function storedGrant(grantId: string): Promise<Grant> {
  const grant = (await session.storedGrants()).find((stored) => stored.id === grantId);
  if (!grant) throw new Error(`grant ${grantId} is no longer stored`);
  return grant;
}

const refreshOutcomes = () => sandboxOutcomes(session.sandbox, 'token.refresh');

function expectSameTokens(grant: Grant, before: Grant): void {
  expect(grant.accessToken).toBe(before.accessToken);
  expect(grant.refreshToken).toBe(before.refreshToken);
  expect(grant.refreshExpiresAt).toBe(before.refreshExpiresAt);
}

/** Connected, but failing with `code`: the tokens untouched and still good, a retry armed on the alarm. */
async function expectFailing(shop: Shop, before: Grant, code: ErrorCode): Promise<void> {
  await shop.row.getByText(HEALTH_LABELS.failing, { exact: true }).waitFor();
  await shop.row.getByText(describeError({ code, message: '', retryable: true }).title).waitFor();

  const failed = await storedGrant(shop.grantId);
  expect(failed).toMatchObject({ status: 'connected', failures: 1, lastError: { code } });
  expectSameTokens(failed, before);
  expect(session.sandbox.inspectAccessToken(failed.accessToken)).toBeDefined();
  expect(failed.retryAt).toBeGreaterThan(Date.now());
  expect(failed.dueAt).toBe(failed.retryAt);
  const alarm = await session.browser.worker.evaluate((name) => chrome.alarms.get(name), DUE_ALARM);
  expect(alarm?.scheduledTime).toBe(failed.retryAt);
}

/** "Refresh now" succeeds: a rotated pair, the failure streak and its words gone. */
async function expectRecoveredByClick(shop: Shop, before: Grant): Promise<void> {
  const calls = refreshOutcomes().length;
  await shop.refreshNow.click();
  await expect.poll(() => refreshOutcomes().slice(calls)).toEqual(['0']);
  await shop.row.getByText(HEALTH_LABELS.connected, { exact: true }).waitFor();
  await expect.poll(() => shop.row.locator('.shop__error').count()).toBe(0);

  const healed = await storedGrant(shop.grantId);
  expect(healed).toMatchObject({ status: 'connected', failures: 0 });
  expect(healed.lastError).toBeUndefined();
  expect(healed.retryAt).toBeUndefined();
  expect(healed.refreshToken).not.toBe(before.refreshToken);
  expect(session.sandbox.inspectAccessToken(healed.accessToken)).toBeDefined();
}

describe('a transient failure keeps the grant and its tokens, and a later success heals it', () => {
  let shop: Shop;
  beforeAll(async () => {
    shop = await connectShop(DEMO_SELLERS.lazadaSg);
  });

  test.each(TRANSIENT_FAULTS)('$kind is recorded as $code', async ({ kind, code }) => {
    const before = await storedGrant(shop.grantId);
    const calls = refreshOutcomes().length;
    // Standing, not one-off: Chromium silently resends a POST once when a reused keep-alive
    // connection drops without an answer, so a single `drop` would never reach the extension.
    session.sandbox.setFaults('token.refresh', { fail: kind });

    await shop.refreshNow.click();
    await expectFailing(shop, before, code);
    expect(new Set(refreshOutcomes().slice(calls))).toEqual(new Set([kind]));

    session.sandbox.clearFaults();
    await expectRecoveredByClick(shop, before);
  });

  test(`no answer within ${DEFAULT_TOKEN_TIMEOUT_MS / 1000} s: still waiting, and the late answer is kept`, async () => {
    const before = await storedGrant(shop.grantId);
    session.sandbox.setFaults('token.refresh', { latencyMs: DEFAULT_TOKEN_TIMEOUT_MS + 5_000 });

    await shop.refreshNow.click();
    // The call is never aborted once sent: the person hears it is pending, then the answer lands.
    await shop.row
      .getByText(describeError({ code: 'refresh_pending', message: '', retryable: true }).title, {
        exact: true,
      })
      .waitFor({ timeout: DEFAULT_TOKEN_TIMEOUT_MS + 5_000 });
    await expect
      .poll(async () => (await storedGrant(shop.grantId)).refreshToken, { timeout: 15_000 })
      .not.toBe(before.refreshToken);
    expect(refreshOutcomes().at(-1)).toBe('0');
    const kept = await storedGrant(shop.grantId);
    expect(session.sandbox.inspectAccessToken(kept.accessToken)).toBeDefined();
    session.sandbox.clearFaults();
  });

  test('a rate limit reschedules the refresh, and the alarm retries it without a click', async () => {
    const before = await storedGrant(shop.grantId);
    const calls = refreshOutcomes().length;
    session.sandbox.failNext('token.refresh', 1, 'apiCallLimit');

    await shop.refreshNow.click();
    // The gateway's ban lasts a second: the retry comes by alarm, not counted as the grant's failure.
    await expect
      .poll(() => refreshOutcomes().slice(calls), { timeout: 10_000 })
      .toEqual(['apiCallLimit', '0']);
    await expect
      .poll(async () => (await storedGrant(shop.grantId)).refreshToken)
      .not.toBe(before.refreshToken);
    const retried = await storedGrant(shop.grantId);
    expect(retried).toMatchObject({ status: 'connected', failures: 0 });
    expect(retried.lastError).toBeUndefined();
    expect(session.sandbox.inspectAccessToken(retried.accessToken)).toBeDefined();
    await shop.row.getByText(HEALTH_LABELS.connected, { exact: true }).waitFor();
    expect(await popup.getByRole('alert').count()).toBe(0);
  });
});

test('a refused refresh token ends in "Needs authorization", kept and never retried', async () => {
  const shop = await connectShop(DEMO_SELLERS.lazadaMy);
  const before = await storedGrant(shop.grantId);
  // Someone else spends the refresh token (another tool with the same app): the stored one is dead.
  const tokens = createTokenClient({ clock: { now: () => Date.now() } });
  await tokens.refresh(session.sandbox.credentials(DEMO_LAZADA_APP_KEY), before.refreshToken);

  await shop.refreshNow.click();
  await shop.row.getByText(HEALTH_LABELS.needs_authorization, { exact: true }).waitFor();
  await shop.authorizeAgain.waitFor();
  expect(await shop.refreshNow.count()).toBe(0);
  expect(refreshOutcomes().slice(-2)).toEqual(['0', 'IllegalRefreshToken']);

  const dead = await storedGrant(shop.grantId);
  expect(dead).toMatchObject({
    status: 'needs_authorization',
    dueAt: NEVER_DUE,
    lastError: { code: 'refresh_token_invalid', platformCode: 'IllegalRefreshToken' },
  });
  expect(dead.retryAt).toBeUndefined();
  expectSameTokens(dead, before);

  // Neither the alarm nor a fresh worker start tries the spent token again.
  const calls = refreshOutcomes().length;
  await session.afterCatchUp(() => session.fireAlarm(DUE_ALARM));
  await session.afterCatchUp(async () => {
    await session.browser.stopWorker();
    await session.call('grants.list', undefined);
  });
  expect(refreshOutcomes()).toHaveLength(calls);
  expect(await storedGrant(shop.grantId)).toMatchObject({ status: 'needs_authorization' });
});
