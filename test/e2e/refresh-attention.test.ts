/**
 * What tells a person a shop needs them without opening anything: the toolbar badge counts the shops
 * needing attention (failing or needing authorization), and a grant found dead in the background is
 * announced by ONE desktop notification, not again on every wake of the worker.
 */
import { afterEach, expect, test } from 'vitest';
import { DEMO_LAZADA_APP_KEY, DEMO_SELLERS } from '../../sandbox/index';
import { DUE_ALARM } from '../../src/background/adapters/alarm-scheduler';
import { notificationId } from '../../src/background/adapters/notifier';
import type { Grant } from '../../src/grants/model';
import { createTokenClient } from '../../src/platforms/token-client';
import { connectSeller, type Session, sandboxOutcomes, startSession } from '../support/session';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

test('the badge counts shops needing attention, and a dead grant is notified once', async () => {
  const current = await startSession();
  session = current;
  const app = await current.addSandboxApp();
  const { grantId: healthyId } = await connectSeller(current, app, DEMO_SELLERS.lazadaSg);
  const { grantId: doomedId } = await connectSeller(current, app, DEMO_SELLERS.lazadaMy);
  const storedGrant = async (id: string): Promise<Grant> => {
    const grant = (await current.storedGrants()).find((stored) => stored.id === id);
    if (!grant) throw new Error(`grant ${id} is no longer stored`);
    return grant;
  };
  expect(await current.badgeText()).toBe('');
  expect(await current.notificationIds()).toEqual([]);

  // Another tool spends the doomed grant's refresh token. The gateway then rate-limits a refresh asked
  // for by a page, so the retry runs in the background, by alarm, and finds the token dead.
  const doomed = await storedGrant(doomedId);
  const tokens = createTokenClient({ clock: { now: () => Date.now() } });
  await tokens.refresh(current.sandbox.credentials(DEMO_LAZADA_APP_KEY), doomed.refreshToken);
  current.sandbox.failNext('token.refresh', 1, 'apiCallLimit');
  await current.call('grants.refresh', { grantId: doomedId });

  const deathNotice = notificationId(doomedId, 'needs_authorization');
  await expect.poll(() => current.notificationIds(), { timeout: 10_000 }).toEqual([deathNotice]);
  expect(sandboxOutcomes(current.sandbox, 'token.refresh').slice(-2)).toEqual([
    'apiCallLimit',
    'IllegalRefreshToken',
  ]);
  expect(await storedGrant(doomedId)).toMatchObject({ status: 'needs_authorization', deathNotified: true });
  // The run re-arms (and redraws the badge) after it has sent the notification.
  await expect.poll(() => current.badgeText()).toBe('1');

  // A failing refresh is a second shop to look at.
  current.sandbox.failNext('token.refresh', 1, 'http500');
  const failing = await current.call('grants.refresh', { grantId: healthyId });
  expect(failing.health).toBe('failing');
  expect(await current.badgeText()).toBe('2');

  // The person dismissed the notification: no wake of the worker brings it back.
  await current.browser.worker.evaluate((id) => chrome.notifications.clear(id), deathNotice);
  await current.afterCatchUp(() => current.fireAlarm(DUE_ALARM));
  await current.afterCatchUp(async () => {
    await current.browser.stopWorker();
    await current.call('grants.list', undefined);
  });
  expect(await current.notificationIds()).toEqual([]);
  expect(await current.badgeText()).toBe('2');

  // Each shop put right takes one off the badge.
  const healed = await current.call('grants.refresh', { grantId: healthyId });
  expect(healed.health).toBe('connected');
  expect(await current.badgeText()).toBe('1');
  await connectSeller(current, app, DEMO_SELLERS.lazadaMy, { reauthorizeGrantId: doomedId });
  expect(await storedGrant(doomedId)).toMatchObject({ status: 'connected' });
  await expect.poll(() => current.badgeText()).toBe('');
  expect(await current.notificationIds()).toEqual([]);
});
