/**
 * A storage failure at wake is shown, never only logged. The sandbox build's fault switch makes
 * Chromium's IndexedDB refuse to open for real (a migration step that throws aborts the upgrade), and
 * the wake that meets it leaves a red "!" on the badge, one notification and a banner in the popup
 * saying what to do, with the safety alarm still armed. A restarted worker still knows (session
 * storage), without telling again; once storage works, everything is back and nothing stored was lost.
 */
import type { Worker } from 'playwright-core';
import { expect, onTestFinished, test } from 'vitest';
import { DEMO_SELLERS } from '../../sandbox/index';
import { DUE_ALARM, SAFETY_ALARM } from '../../src/background/adapters/alarm-scheduler';
import { storageFailureTitle, storageFailureWords } from '../../src/shared/storage-health';
import { connectSeller, type Session, shopInPopup, startSession } from '../support/session';

function setStorageFault(worker: Worker, on: boolean): Promise<void> {
  return worker.evaluate(
    (value) =>
      (
        globalThis as unknown as { __sellerAuthDebug: { setStorageFault(on: boolean): Promise<void> } }
      ).__sellerAuthDebug.setStorageFault(value),
    on,
  );
}

function alarmNames(session: Session): Promise<string[]> {
  return session.browser.worker.evaluate(async () =>
    (await chrome.alarms.getAll()).map((alarm) => alarm.name).sort(),
  );
}

test('a storage failure at wake: badge, one notification, popup banner; then recovery', async () => {
  const session = await startSession();
  onTestFinished(() => session.close());
  const app = await session.addSandboxApp();
  const { grantId } = await connectSeller(session, app, DEMO_SELLERS.lazadaSg);
  const before = await session.storedGrants();
  const view = (await session.call('grants.list', undefined)).find((listed) => listed.id === grantId);
  if (!view) throw new Error('the connected grant is not listed');
  expect(await alarmNames(session)).toEqual([DUE_ALARM, SAFETY_ALARM].sort());
  expect(await session.call('health.status', undefined)).toEqual({ failures: [] });

  await setStorageFault(session.browser.worker, true);
  await session.afterCatchUp(() => session.fireAlarm(DUE_ALARM));

  expect(await session.badgeText()).toBe('!');
  await expect.poll(() => session.notificationIds()).toEqual(['storage:upgrade']);
  const failing = await session.call('health.status', undefined);
  expect(failing.failures).toEqual([{ kind: 'upgrade', since: expect.any(Number) }]);
  // No due time could be read to re-arm the alarm that fired; the safety alarm is still there.
  expect(await alarmNames(session)).toEqual([SAFETY_ALARM]);

  const popup = await session.browser.openPage('src/popup/index.html');
  const banner = popup.getByRole('alert', { name: storageFailureTitle() });
  await banner.waitFor();
  expect(await banner.textContent()).toContain(storageFailureWords('upgrade').remedy);
  expect(await popup.getByRole('alert').count()).toBe(1);

  // The worker stops and starts again: what it knew was kept outside IndexedDB, so it does not tell
  // again. Its start-up catch-up still runs (and fails), and makes sure of the safety alarm again.
  await session.browser.worker.evaluate(async () => {
    await chrome.notifications.clear('storage:upgrade');
    await chrome.alarms.clearAll();
  });
  await session.browser.stopWorker();
  expect(await session.call('health.status', undefined)).toEqual(failing);
  await expect.poll(() => alarmNames(session)).toEqual([SAFETY_ALARM]);
  expect(await session.notificationIds()).toEqual([]);
  expect(await session.badgeText()).toBe('!');

  // Storage works again: the next wake (the safety alarm) clears it all.
  await setStorageFault(session.browser.worker, false);
  await session.afterCatchUp(() => session.fireAlarm(SAFETY_ALARM));

  expect(await session.badgeText()).toBe('');
  expect(await session.call('health.status', undefined)).toEqual({ failures: [] });
  await expect.poll(() => alarmNames(session)).toEqual([DUE_ALARM, SAFETY_ALARM].sort());
  await expect.poll(() => popup.getByRole('alert').count()).toBe(0);
  await shopInPopup(popup, view).row.waitFor();
  // The aborted upgrades changed nothing stored.
  expect(await session.storedGrants()).toEqual(before);
});
