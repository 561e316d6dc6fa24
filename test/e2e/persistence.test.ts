/**
 * A connected shop lives in IndexedDB, not in the worker: it survives the worker being stopped (as
 * Chrome does after 30 s idle) and the whole browser being restarted with the same profile.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_SELLERS } from '../../sandbox/index';
import type { Grant } from '../../src/grants/model';
import type { AppView } from '../../src/shared/model';
import { connectSeller, type Session, sandboxOutcomes, startSession } from '../support/session';

const seller = DEMO_SELLERS.lazadaSg;
const MARKER = '__sellerAuthTestMarker';

let session: Session;
let app: AppView;
let connected: Grant;

beforeAll(async () => {
  session = await startSession();
  app = await session.addSandboxApp({ platform: 'lazada' });
  await connectSeller(session, app, seller);
  const [grant] = await session.storedGrants();
  if (!grant) throw new Error('the seller did not connect');
  connected = grant;
});

afterAll(async () => {
  await session?.close();
});

/** What must never change without a refresh or a new login (scheduling fields may be rewritten). */
function lasting(grant: Grant) {
  const { id, appId, seller, accessToken, refreshToken, accessExpiresAt, refreshExpiresAt, status } = grant;
  return { id, appId, seller, accessToken, refreshToken, accessExpiresAt, refreshExpiresAt, status };
}

/** What a person sees and gets: the popup's row for the shop, and the token "Copy access token" hands out. */
async function expectShopServed() {
  const popup = await session.browser.openPage('src/popup/index.html');
  await popup
    .getByRole('listitem', { name: `${seller.account}, Singapore, ${app.name}`, exact: true })
    .waitFor();
  await popup.close();
  const handedOut = await session.call('grants.accessToken', { grantId: connected.id });
  expect(handedOut).toEqual({ accessToken: connected.accessToken, expiresAt: connected.accessExpiresAt });
  expect(session.sandbox.inspectAccessToken(handedOut.accessToken)?.account).toBe(seller.account);
  const [stored, ...others] = await session.storedGrants();
  expect(others).toEqual([]);
  expect(stored).toMatchObject(lasting(connected));
  // Handing out a still-valid token costs no token call.
  expect(sandboxOutcomes(session.sandbox, 'token.refresh')).toEqual([]);
}

test('the grant survives the worker being stopped', async () => {
  // Something only the running worker instance holds: gone if (and only if) the worker really stopped.
  await session.browser.worker.evaluate((name) => Object.assign(globalThis, { [name]: true }), MARKER);
  await session.browser.stopWorker();

  await expectShopServed();
  const survived = await session.browser.worker.evaluate((name) => name in globalThis, MARKER);
  expect(survived).toBe(false);
});

test('the grant survives a browser restart with the same profile', async () => {
  const profileDir = session.browser.profileDir;
  await session.restartBrowser();
  expect(session.browser.profileDir).toBe(profileDir);

  await expectShopServed();
});
