/**
 * A popup that wakes a stopped worker (as Chrome stops it after 30 s idle) gets its shop list from the
 * saved listing and the grants written since it was saved: every change since shows.
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

test('a woken worker lists every change made since the listing was saved', async () => {
  // The first worker start saves the listing (no shop yet); a few changes are not worth saving again.
  await expect.poll(async () => (await listingState()).saved).toEqual([]);
  await connectSeller(session, app, DEMO_SELLERS.lazadaSg);
  await connectSeller(session, app, DEMO_SELLERS.lazadaMy);
  const sg = (await session.storedGrants()).find((grant) => grant.seller.country === 'sg');
  if (!sg) throw new Error('the Singapore seller did not connect');
  await session.call('grants.remove', { grantId: sg.id });
  const state = await listingState();
  expect(state.saved).toEqual([]);
  expect(state.changed).toHaveLength(2);

  await session.browser.stopWorker();
  const popup = await session.browser.openPage('src/popup/index.html');
  await rowOf(popup, DEMO_SELLERS.lazadaMy.account).waitFor();
  expect(await rowOf(popup, DEMO_SELLERS.lazadaSg.account).count()).toBe(0);
  await popup.close();
});
