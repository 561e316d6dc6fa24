/**
 * This computer's clock off the platform's.
 *
 * A computer clock that jumped forward must not kill shops. The gateway's clock is set back after
 * connecting, which is the same thing seen from the extension: its clock now runs ahead of the
 * platform's, and its local deadline passes while the platform still honours the refresh token. The
 * worker makes one real refresh call before it calls anything dead, and the platform's answer decides.
 */
import { expect, onTestFinished, test } from 'vitest';
import { DEMO_SELLERS } from '../../sandbox/index';
import type { Grant } from '../../src/grants/model';
import { HEALTH_LABELS } from '../../src/ui/labels';
import { formatDate } from '../../src/ui/time-words';
import { connectSeller, sandboxOutcomes, shopInPopup, startSession, waitUntil } from '../support/session';

/** Access and refresh end together: no refresh is planned, the grant's end is its deadline. */
const LIFETIME_SECONDS = 40;
/** How far this computer's clock is ahead of the gateway's, once it "jumps". */
const JUMP_MS = 30_000;

function onlyGrant(grants: Grant[]): Grant {
  if (grants.length !== 1) throw new Error(`expected one stored grant, found ${grants.length}`);
  return grants[0] as Grant;
}

test('a clock jumped past the deadline costs one refresh call, and the shop stays connected', async () => {
  let gatewayShiftMs = 0;
  const session = await startSession({
    sandbox: {
      accessTtlSeconds: LIFETIME_SECONDS,
      refreshTtlSeconds: LIFETIME_SECONDS,
      now: () => Date.now() + gatewayShiftMs,
    },
  });
  onTestFinished(() => session.close());
  const app = await session.addSandboxApp();
  const { grantId } = await connectSeller(session, app, DEMO_SELLERS.lazadaSg);
  const before = onlyGrant(await session.storedGrants());
  gatewayShiftMs = -JUMP_MS;

  // By the local clock the deadline passes now; on the platform's, 30 s are left.
  await waitUntil(before.refreshExpiresAt + 1_000);
  await expect
    .poll(() => sandboxOutcomes(session.sandbox, 'token.refresh'), { timeout: 20_000, interval: 250 })
    .toEqual(['0']);
  const after = onlyGrant(await session.storedGrants());
  expect(after).toMatchObject({ id: grantId, status: 'connected', failures: 0 });
  expect(after.refreshToken).not.toBe(before.refreshToken);
  expect(after.lastRefreshedAt).toBeGreaterThanOrEqual(before.refreshExpiresAt);
  // The platform's own deadline, read from its answer, replaces the one the jumped clock passed.
  expect(after.refreshExpiresAt).toBeGreaterThan(Date.now());
  expect(session.sandbox.inspectAccessToken(after.accessToken)).toBeDefined();

  const popup = await session.browser.openPage('src/popup/index.html');
  const view = (await session.call('grants.list', undefined)).find((listed) => listed.id === grantId);
  if (!view) throw new Error('the grant is not listed');
  const { row } = await shopInPopup(popup, view);
  expect(await row.getByText(HEALTH_LABELS.needs_authorization, { exact: true }).count()).toBe(0);
});

test("a clock 3 hours behind: connecting costs one refused call, and dates show on the platform's clock", async () => {
  const behindMs = 3 * 3_600_000;
  const session = await startSession({ sandbox: { now: () => Date.now() + behindMs } });
  onTestFinished(() => session.close());
  const app = await session.addSandboxApp();
  const { grantId } = await connectSeller(session, app, DEMO_SELLERS.lazadaSg);

  // Signed on this computer's time, refused; signed again on the gateway's, accepted.
  expect(sandboxOutcomes(session.sandbox, 'token.create')).toEqual(['InvalidTimestamp', '0']);
  const view = (await session.call('grants.list', undefined)).find((listed) => listed.id === grantId);
  if (!view?.clockOffsetMs) throw new Error('the view carries no clock offset');
  expect(Math.abs(view.clockOffsetMs - behindMs)).toBeLessThan(5_000);

  const popup = await session.browser.openPage('src/popup/index.html');
  await expect
    .poll(() => popup.getByRole('status').filter({ hasText: "This computer's clock" }).textContent())
    .toContain("This computer's clock is 3 hours behind the platform's.");
  const { row } = await shopInPopup(popup, view);
  const deadline = formatDate(view.refreshExpiresAt + view.clockOffsetMs);
  await expect.poll(() => row.textContent()).toContain(`Authorize again by ${deadline}`);
});
