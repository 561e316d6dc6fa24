/**
 * A popup that wakes a stopped worker (as Chrome stops it after 30 s idle) gets its shop list from the
 * saved listing and the grants written since it was saved: every change since shows, no token is kept.
 */
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_SELLERS } from '../../sandbox/index';
import type { Grant } from '../../src/grants/model';
import type { AppView } from '../../src/shared/model';
import { connectSeller, type Session, startSession } from '../support/session';

let session: Session;
let app: AppView;

beforeAll(async () => {
  session = await startSession();
  app = await session.addSandboxApp({ platform: 'lazada' });
});

afterAll(async () => {
  await session?.close();
});

/** The saved listing and the ids noted since, read raw in the worker. */
function listingState(): Promise<{ saved: Grant[] | undefined; changed: string[] }> {
  return session.browser.worker.evaluate(
    () =>
      new Promise<{ saved: Grant[] | undefined; changed: string[] }>((resolve, reject) => {
        const open = indexedDB.open('seller-auth');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['listing', 'listingChanges']);
          const saved = tx.objectStore('listing').get('grants');
          const changed = tx.objectStore('listingChanges').getAllKeys();
          tx.oncomplete = () => {
            db.close();
            resolve({ saved: saved.result as Grant[] | undefined, changed: changed.result as string[] });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

const rowOf = (popup: Awaited<ReturnType<Session['browser']['openPage']>>, account: string) =>
  popup.getByRole('listitem').filter({ hasText: account });

test('a woken worker lists every change since the saved listing, which holds no token', async () => {
  await connectSeller(session, app, DEMO_SELLERS.lazadaSg);
  // A worker start ends its catch-up by saving the listing, with the first shop in it.
  await session.browser.stopWorker();
  await session.call('extension.info', undefined);
  await expect.poll(async () => (await listingState()).saved?.length).toBe(1);
  const [first] = await session.storedGrants();
  if (!first) throw new Error('the first seller did not connect');

  // Written after the save: the second shop connected, the first one removed.
  await connectSeller(session, app, DEMO_SELLERS.lazadaMy);
  await session.call('grants.remove', { grantId: first.id });
  const state = await listingState();
  expect(state.saved?.map((grant) => grant.id)).toEqual([first.id]);
  expect(state.changed).toHaveLength(2);
  for (const grant of state.saved ?? []) expect([grant.accessToken, grant.refreshToken]).toEqual(['', '']);

  await session.browser.stopWorker();
  const popup = await session.browser.openPage('src/popup/index.html');
  await rowOf(popup, DEMO_SELLERS.lazadaMy.account).waitFor();
  expect(await rowOf(popup, DEMO_SELLERS.lazadaSg.account).count()).toBe(0);
  await popup.close();
});
