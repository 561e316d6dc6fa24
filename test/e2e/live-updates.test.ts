/**
 * Open pages learn what the worker did in the background as it happens: the worker broadcasts
 * `grants.changed` (naming the changed shops) after each change, so the popup (whose safety-net poll runs once a minute) and the
 * options page's activity log show a refresh run by alarm within seconds, without a click or a reload.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_SELLERS } from '../../sandbox/index';
import type { AppView } from '../../src/shared/model';
import { describeError } from '../../src/ui/error-words';
import { HEALTH_LABELS } from '../../src/ui/labels';
import { connectSeller, type Session, sandboxOutcomes, shopInPopup, startSession } from '../support/session';

/** Far below the popup's one-minute safety-net poll (and below the five seconds it used to poll at). */
const SHOWN_WITHIN_MS = 3_000;

let session: Session;
let app: AppView;

beforeAll(async () => {
  // Default lifetimes (days): nothing comes due by itself while this runs.
  session = await startSession();
  app = await session.addSandboxApp();
});
afterAll(async () => {
  await session?.close();
});

test('a refresh the worker runs by alarm shows in the open popup and activity log within seconds', async () => {
  const { grantId } = await connectSeller(session, app, DEMO_SELLERS.lazadaSg);
  const view = (await session.call('grants.list', undefined)).find((listed) => listed.id === grantId);
  if (!view) throw new Error('the connected shop is not listed');
  const popup = await session.browser.openPage('src/popup/index.html');
  const { row } = shopInPopup(popup, view);
  await row.getByText(HEALTH_LABELS.connected, { exact: true }).waitFor();
  const activity = session.control.getByRole('region', { name: 'Activity' });
  const unavailable = describeError({ code: 'upstream_unavailable', message: '', retryable: true }).title;
  expect(await activity.getByText(unavailable, { exact: false }).count()).toBe(0);

  // A refresh asked for by another page meets the gateway's rate limit, so the retry runs in the
  // background, by alarm, a second later: and that one fails, which the popup must show.
  const calls = sandboxOutcomes(session.sandbox, 'token.refresh').length;
  session.sandbox.failNext('token.refresh', 1, 'apiCallLimit');
  session.sandbox.failNext('token.refresh', 1, 'http500');
  await session.call('grants.refresh', { grantId });
  await expect
    .poll(() => sandboxOutcomes(session.sandbox, 'token.refresh').slice(calls), {
      timeout: 10_000,
      interval: 50,
    })
    .toEqual(['apiCallLimit', 'http500']);

  await row.getByText(HEALTH_LABELS.failing, { exact: true }).waitFor({ timeout: SHOWN_WITHIN_MS });
  await row.getByText(unavailable, { exact: false }).waitFor({ timeout: SHOWN_WITHIN_MS });
  await activity.getByText(unavailable, { exact: false }).first().waitFor({ timeout: SHOWN_WITHIN_MS });

  const stored = (await session.storedGrants()).find((grant) => grant.id === grantId);
  expect(stored).toMatchObject({
    status: 'connected',
    failures: 1,
    lastError: { code: 'upstream_unavailable' },
  });
  // The signal carried only the shop's id: the pages read the change through the protocol.
  expect(await popup.getByRole('alert').count()).toBe(0);
});
