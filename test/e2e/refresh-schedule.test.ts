/**
 * Keep every grant alive, on schedule: the planned refresh runs by alarm with no extension page open,
 * "Refresh now" racing that alarm makes one upstream call, a lost due alarm is made up for by the
 * periodic safety alarm, and a browser closed through the due time catches up as it starts. Lifetimes of seconds: an access token of 120 s is planned for refresh after
 * 60 s (half its lifetime, and MIN_REFRESH_GAP_MS). Each test mostly waits for that minute, with its own
 * browser and sandbox, so they run side by side.
 */
import { describe, type ExpectStatic, type OnTestFinishedHandler, test } from 'vitest';
import { DEMO_LAZADA_APP_KEY, DEMO_SELLERS } from '../../sandbox/index';
import {
  DUE_ALARM,
  SAFETY_ALARM,
  SAFETY_PERIOD_MINUTES,
} from '../../src/background/adapters/alarm-scheduler';
import type { Grant } from '../../src/grants/model';
import { MIN_REFRESH_GAP_MS } from '../../src/grants/schedule';
import { createTokenClient } from '../../src/platforms/token-client';
import type { GrantView } from '../../src/shared/model';
import { HEALTH_LABELS } from '../../src/ui/labels';
import {
  connectSeller,
  type Session,
  sandboxOutcomes,
  shopInPopup,
  startSession,
  waitUntil,
} from '../support/session';

const ACCESS_TTL_SECONDS = 120;
/** How late after its due time a refresh may show up: alarm delivery plus the call itself. */
const DUE_SLACK_MS = 15_000;
/** Lifetimes travel as whole seconds (floored), so a deadline read again may come out up to ~1 s earlier. */
const WIRE_PRECISION_MS = 1_500;

interface Connected {
  session: Session;
  grant: Grant;
  view: GrantView;
}

/** A session with one connected grant, closed when the test ends (pass or fail). */
async function connectedGrant(
  expect: ExpectStatic,
  onTestFinished: (handler: OnTestFinishedHandler) => void,
): Promise<Connected> {
  const session = await startSession({ sandbox: { accessTtlSeconds: ACCESS_TTL_SECONDS } });
  onTestFinished(() => session.close());
  const app = await session.addSandboxApp();
  const { grantId } = await connectSeller(session, app, DEMO_SELLERS.lazadaSg);
  const grant = onlyGrant(await session.storedGrants());
  const view = (await session.call('grants.list', undefined)).find((listed) => listed.id === grantId);
  if (grant.id !== grantId || !view) throw new Error('the connected grant is missing');
  // The plan these tests wait for: one refresh a minute after connecting, long before the deadline.
  expect(grant.dueAt - grant.authorizedAt).toBe(MIN_REFRESH_GAP_MS);
  return { session, grant, view };
}

function onlyGrant(grants: Grant[]): Grant {
  if (grants.length !== 1) throw new Error(`expected one stored grant, found ${grants.length}`);
  return grants[0] as Grant;
}

/** A refresh never moves the deadline: the same date, up to the whole seconds it travels in, never later. */
function expectSameDeadline(expect: ExpectStatic, after: Grant, before: Grant): void {
  expect(after.refreshExpiresAt).toBeLessThanOrEqual(before.refreshExpiresAt);
  expect(after.refreshExpiresAt).toBeGreaterThan(before.refreshExpiresAt - WIRE_PRECISION_MS);
}

function extensionPages(session: Session) {
  return session.browser.context.pages().filter((page) => page.url().startsWith('chrome-extension://'));
}

/** Records, in the running worker, every alarm it receives. */
async function recordAlarms(session: Session): Promise<() => Promise<{ name: string; at: number }[]>> {
  await session.browser.worker.evaluate(() => {
    const seen: { name: string; at: number }[] = [];
    Object.assign(globalThis, { alarmsSeen: seen });
    chrome.alarms.onAlarm.addListener((alarm) => seen.push({ name: alarm.name, at: Date.now() }));
  });
  return () =>
    session.browser.worker.evaluate(
      () => (globalThis as unknown as { alarmsSeen: { name: string; at: number }[] }).alarmsSeen,
    );
}

/** Every alarm the worker has, by name. */
function alarmsInUse(session: Session) {
  return session.browser.worker.evaluate(async () =>
    (await chrome.alarms.getAll())
      .map(({ name, scheduledTime, periodInMinutes }) => ({ name, scheduledTime, periodInMinutes }))
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
}

/** How many Web Locks (one per refresh in progress) the worker holds or waits for. */
function refreshLocksInUse(session: Session): Promise<number> {
  return session.browser.worker.evaluate(async () => {
    const { held = [], pending = [] } = await navigator.locks.query();
    return held.length + pending.length;
  });
}

/** A real minute of waiting, plus a browser and a login: more than the e2e default of 90 s allows for. */
const MINUTE_LONG_TEST_TIMEOUT_MS = 120_000;

describe.concurrent('when a planned refresh comes due', { timeout: MINUTE_LONG_TEST_TIMEOUT_MS }, () => {
  test('the alarm wakes the stopped worker with no page open, and the rotated pair is stored', async ({
    expect,
    onTestFinished,
  }) => {
    const { session, grant: before } = await connectedGrant(expect, onTestFinished);

    await session.control.close();
    await session.browser.stopWorker();
    expect(extensionPages(session)).toEqual([]);

    await expect
      .poll(() => sandboxOutcomes(session.sandbox, 'token.refresh'), {
        timeout: before.dueAt - Date.now() + DUE_SLACK_MS,
        interval: 250,
      })
      .toEqual(['0']);
    expect(extensionPages(session)).toEqual([]);
    const refreshedAt = session.sandbox.log.find((entry) => entry.endpoint === 'token.refresh')?.time ?? 0;
    expect(refreshedAt).toBeGreaterThanOrEqual(before.dueAt);

    const after = onlyGrant(await session.storedGrants());
    expect(after).toMatchObject({ id: before.id, status: 'connected', failures: 0 });
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expectSameDeadline(expect, after, before);
    expect(after.lastRefreshedAt).toBeGreaterThanOrEqual(before.dueAt);
    expect(after.dueAt).toBeGreaterThan(after.lastRefreshedAt ?? Number.POSITIVE_INFINITY);

    // The sandbox agrees: the new access token is live, the old one and the old refresh token are spent.
    const live = session.sandbox.inspectAccessToken(after.accessToken);
    expect(live).toMatchObject({ account: before.seller.account });
    expect(after.refreshExpiresAt).toBeLessThanOrEqual(live?.refreshExpiresAt ?? 0);
    expect(session.sandbox.inspectAccessToken(before.accessToken)).toBeUndefined();
    const tokens = createTokenClient({ clock: { now: () => Date.now() } });
    await expect(
      tokens.refresh(session.sandbox.credentials(DEMO_LAZADA_APP_KEY), before.refreshToken),
    ).rejects.toMatchObject({ code: 'refresh_token_invalid' });
    expect(sandboxOutcomes(session.sandbox, 'token.refresh')).toEqual(['0', 'IllegalRefreshToken']);

    // And the person opening the popup sees a healthy shop.
    await session.reopenControl();
    const views = await session.call('grants.list', undefined);
    expect(views).toMatchObject([{ health: 'connected', lastRefreshedAt: after.lastRefreshedAt }]);
    const popup = await session.browser.openPage('src/popup/index.html');
    const { row } = shopInPopup(popup, views[0] as GrantView);
    await row.getByText(HEALTH_LABELS.connected, { exact: true }).waitFor();
  });

  test('"Refresh now" clicked as the alarm fires makes exactly one upstream refresh', async ({
    expect,
    onTestFinished,
  }) => {
    const { session, grant: before, view } = await connectedGrant(expect, onTestFinished);
    const popup = await session.browser.openPage('src/popup/index.html');
    const { row, refreshNow } = shopInPopup(popup, view);
    await refreshNow.waitFor();
    const alarmsSeen = await recordAlarms(session);
    // Long enough on the wire that the two refreshes overlap, whichever starts first.
    session.sandbox.setFaults('token.refresh', { latencyMs: 3_000 });

    await waitUntil(before.dueAt);
    await Promise.all([session.fireAlarm(DUE_ALARM), refreshNow.click()]);

    await expect
      .poll(() => sandboxOutcomes(session.sandbox, 'token.refresh'), { timeout: 10_000 })
      .toEqual(['0']);
    await expect.poll(() => refreshNow.isEnabled(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => refreshLocksInUse(session), { timeout: 10_000 }).toBe(0);
    expect(sandboxOutcomes(session.sandbox, 'token.refresh')).toEqual(['0']);
    const dueAlarms = (await alarmsSeen()).filter(({ name, at }) => name === DUE_ALARM && at >= before.dueAt);
    expect(dueAlarms).not.toEqual([]);

    const after = onlyGrant(await session.storedGrants());
    expect(after).toMatchObject({ status: 'connected', failures: 0 });
    expect(after.lastError).toBeUndefined();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(session.sandbox.inspectAccessToken(after.accessToken)).toBeDefined();
    await row.getByText(HEALTH_LABELS.connected, { exact: true }).waitFor();
    expect(await popup.getByRole('alert').count()).toBe(0);
  });

  test('with the due alarm lost, the safety alarm still refreshes the due grant; two alarms in all', async ({
    expect,
    onTestFinished,
  }) => {
    const { session, grant: before } = await connectedGrant(expect, onTestFinished);
    const armed = await alarmsInUse(session);
    expect(armed).toEqual([
      { name: DUE_ALARM, scheduledTime: before.dueAt, periodInMinutes: undefined },
      { name: SAFETY_ALARM, scheduledTime: expect.any(Number), periodInMinutes: SAFETY_PERIOD_MINUTES },
    ]);
    const safety = armed[1];
    // A wake with nothing due yet re-arms both and leaves the safety alarm's period running as it was.
    await session.afterCatchUp(() => session.fireAlarm(DUE_ALARM));
    expect(await alarmsInUse(session)).toEqual(armed);
    expect(safety?.scheduledTime).toBeGreaterThan(Date.now());

    // Chrome may drop an alarm; here it is the one for this grant.
    await session.browser.worker.evaluate((name) => chrome.alarms.clear(name), DUE_ALARM);
    expect((await alarmsInUse(session)).map(({ name }) => name)).toEqual([SAFETY_ALARM]);
    await waitUntil(before.dueAt + 2_000);
    expect(sandboxOutcomes(session.sandbox, 'token.refresh')).toEqual([]);

    // Its period comes round (fired now, keeping the period, rather than waiting 30 minutes).
    await session.browser.worker.evaluate(
      ([name, period]) => chrome.alarms.create(name, { when: Date.now(), periodInMinutes: period }),
      [SAFETY_ALARM, SAFETY_PERIOD_MINUTES] as const,
    );

    await expect
      .poll(() => sandboxOutcomes(session.sandbox, 'token.refresh'), { timeout: 10_000, interval: 100 })
      .toEqual(['0']);
    const after = onlyGrant(await session.storedGrants());
    expect(after).toMatchObject({ id: before.id, status: 'connected', failures: 0 });
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(session.sandbox.inspectAccessToken(after.accessToken)).toBeDefined();
    // The wake re-armed the due alarm for the next refresh; the safety alarm goes on.
    await expect
      .poll(() => alarmsInUse(session))
      .toEqual([
        { name: DUE_ALARM, scheduledTime: after.dueAt, periodInMinutes: undefined },
        { name: SAFETY_ALARM, scheduledTime: expect.any(Number), periodInMinutes: SAFETY_PERIOD_MINUTES },
      ]);
  });

  test('a browser closed through the due time refreshes the overdue grant as it starts', async ({
    expect,
    onTestFinished,
  }) => {
    const { session, grant: before } = await connectedGrant(expect, onTestFinished);
    // Chrome may drop alarms across a restart (its documentation says so): with none left, only the
    // worker's own catch-up on start can find the overdue grant.
    await session.browser.worker.evaluate(() => chrome.alarms.clearAll());

    let relaunchedAt = 0;
    await session.restartBrowser({
      whileClosed: async () => {
        await waitUntil(before.dueAt + 2_000);
        // Nothing ran while the browser was down.
        expect(sandboxOutcomes(session.sandbox, 'token.refresh')).toEqual([]);
        relaunchedAt = Date.now();
      },
    });

    await expect
      .poll(() => sandboxOutcomes(session.sandbox, 'token.refresh'), { timeout: 10_000, interval: 100 })
      .toEqual(['0']);
    const after = onlyGrant(await session.storedGrants());
    expect(after).toMatchObject({ id: before.id, status: 'connected', failures: 0 });
    expect(after.lastRefreshedAt).toBeGreaterThanOrEqual(relaunchedAt);
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expectSameDeadline(expect, after, before);
    expect(session.sandbox.inspectAccessToken(after.accessToken)).toBeDefined();
    expect(session.sandbox.inspectAccessToken(before.accessToken)).toBeUndefined();
  });
});
