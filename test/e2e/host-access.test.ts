/**
 * Without host access a signed form POST would be a CORS simple request: the platform would act on
 * it while the worker saw only "Failed to fetch". Proven here in Chromium: the worker sends nothing
 * without access, and a signed call that skips the check is stopped at the preflight by its header.
 */
import { afterEach, expect, test } from 'vitest';
import { DEMO_SELLERS } from '../../sandbox/index';
import type { AppProfile } from '../../src/shared/model';
import { connectSeller, type Session, shopInPopup, startSession } from '../support/session';

let session: Session | undefined;
afterEach(async () => {
  await session?.close();
  session = undefined;
});

/** The same sandbox reached as `localhost`: only an optional host permission in the sandbox build. */
const onLocalhost = (url: string) => url.replace('//127.0.0.1:', '//localhost:');

test('without host access a refresh sends nothing, and a raw signed call gets only a preflight', async () => {
  const current = await startSession();
  session = current;
  const app = await current.addSandboxApp();
  const { grantId } = await connectSeller(current, app, DEMO_SELLERS.lazadaSg);
  // With access: the token call went out as a plain POST, no preflight.
  expect(
    current.sandbox.log.filter((entry) => entry.endpoint.startsWith('token.')).map((e) => e.method),
  ).toEqual(['POST']);
  const [before] = await current.storedGrants();

  // Point the stored app at the same sandbox through an origin Chrome has not granted.
  const { tokenCreateUrl, tokenRefreshUrl } = current.sandbox.endpoints;
  const moved = {
    tokenCreateUrl: onLocalhost(tokenCreateUrl),
    tokenRefreshUrl: onLocalhost(tokenRefreshUrl),
  };
  await current.browser.worker.evaluate(
    ({ appId, endpoints }) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('seller-auth');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const store = db.transaction('apps', 'readwrite').objectStore('apps');
          const read = store.get(appId);
          read.onsuccess = () => {
            const stored = read.result as AppProfile;
            store.put({ ...stored, endpoints: { ...stored.endpoints, ...endpoints } });
            store.transaction.oncomplete = () => {
              db.close();
              resolve();
            };
          };
          read.onerror = () => reject(read.error);
        };
      }),
    { appId: app.id, endpoints: moved },
  );
  expect(
    await current.browser.worker.evaluate(() =>
      chrome.permissions.contains({ origins: ['http://localhost/*'] }),
    ),
  ).toBe(false);
  const logged = current.sandbox.log.length;

  const view = await current.call('grants.refresh', { grantId });

  expect(view.lastError?.code).toBe('permission_denied');
  expect(current.sandbox.log.length).toBe(logged);
  const [after] = await current.storedGrants();
  expect(after?.refreshToken).toBe(before?.refreshToken);
  expect(after?.accessToken).toBe(before?.accessToken);

  // "Allow access" asks Chrome for the origin while the click's gesture lasts (Chrome refuses it
  // after). Chrome's own prompt cannot be answered headless (it stays open), so the call is watched on
  // its way in; the component test covers what follows a grant.
  const popup = await current.browser.openPage('src/popup/index.html');
  const { row } = shopInPopup(popup, view);
  const allow = row.getByRole('button', { name: /^Allow access/ });
  await allow.waitFor();
  await popup.evaluate(() => {
    const asked: { origins?: string[]; inGesture: boolean }[] = [];
    (window as unknown as { asked: typeof asked }).asked = asked;
    const request = chrome.permissions.request.bind(chrome.permissions);
    chrome.permissions.request = ((permissions: chrome.permissions.Permissions) => {
      asked.push({ origins: permissions.origins, inGesture: navigator.userActivation.isActive });
      return request(permissions);
    }) as typeof chrome.permissions.request;
  });
  await allow.click();
  await expect
    .poll(() => popup.evaluate(() => (window as unknown as { asked: unknown[] }).asked))
    .toEqual([{ origins: ['http://localhost/*'], inGesture: true }]);
  await popup.close();

  // Past the check, as a worker without it would: Chrome preflights and never sends the body.
  const outcome = await current.browser.worker.evaluate(async (url) => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
          'X-Seller-Auth-Client': '1',
        },
        body: 'app_key=100132&refresh_token=spent&sign=x&sign_method=sha256&timestamp=1',
      });
      return `status ${response.status}`;
    } catch (error) {
      return String(error);
    }
  }, moved.tokenRefreshUrl);

  expect(outcome).toMatch(/Failed to fetch/);
  const raw = current.sandbox.log.slice(logged);
  expect(raw.map((entry) => entry.method)).toEqual(['OPTIONS']);
  expect(raw[0]?.outcome).toBe('preflight');
});
