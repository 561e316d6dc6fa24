/** The shop summary follows the store: one full read, then only the grants reported changed. */
import { describe, expect, it } from 'vitest';
import { createShopSummarySource, MAX_SIGNALLED_IDS } from '../../../src/grants/shop-summary-source';
import { EMPTY_FILTER } from '../../../src/popup/empty-filter';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import { aGrant, anApp, T0 } from '../../support/builders';
import { countCalls } from '../../support/count-calls';
import { FakeAppStore } from '../../support/fakes/memory-app-store';
import { FakeGrantStore } from '../../support/fakes/memory-grant-store';

/** Counts the calls that read every grant (the store's listing), and those that read one. */
function countingStores(grants: FakeGrantStore) {
  const counts = countCalls(grants, ['listing', 'get']);
  return {
    get list() {
      return counts.listing;
    },
    get get() {
      return counts.get;
    },
  };
}

const grantN = (n: number) => aGrant({ id: `app-1|u:${n}|sg` });
const ALL = { ...EMPTY_FILTER, offset: 0, limit: 50 };

async function setup(count: number) {
  const grants = new FakeGrantStore(Array.from({ length: count }, (_, index) => grantN(index + 1)));
  const apps = new FakeAppStore(grants);
  await apps.put(anApp({ id: 'app-1', name: 'Main app' }));
  const calls = countingStores(grants);
  const source = createShopSummarySource({ grants, apps });
  return { grants, apps, calls, source };
}

describe('shop summary source', () => {
  it('reads the whole store once, then only the grants reported changed', async () => {
    const { grants, calls, source } = await setup(300);
    expect((await source.current()).size()).toBe(300);
    expect(calls.list).toBe(1);

    await grants.put(grantN(7));
    await grants.remove('app-1|u:8|sg');
    await grants.put(grantN(301));
    source.changed(['app-1|u:7|sg', 'app-1|u:8|sg', 'app-1|u:301|sg']);
    const summary = await source.current();
    expect(calls).toEqual({ list: 1, get: 3 });
    expect(summary.size()).toBe(300);
    expect(summary.query(ALL, DEFAULT_SETTINGS, T0).rows.some((row) => row.id === 'app-1|u:8|sg')).toBe(
      false,
    );
    expect(summary.query(ALL, DEFAULT_SETTINGS, T0).rows[0]?.appName).toBe('Main app');
  });

  it('reads everything again after a change it cannot name', async () => {
    const { apps, calls, source } = await setup(3);
    await source.current();
    await apps.put(anApp({ id: 'app-1', name: 'Renamed' }));
    source.changed();
    const summary = await source.current();
    expect(calls.list).toBe(2);
    expect(summary.query(ALL, DEFAULT_SETTINGS, T0).rows[0]?.appName).toBe('Renamed');
  });

  it('answers from memory once built: a query with nothing reported changed reads no storage', async () => {
    const { calls, source } = await setup(3);
    await source.current();
    for (let query = 0; query < 5; query++) await source.current();
    expect(calls).toEqual({ list: 1, get: 0 });
  });

  it('reads every grant again after a write behind the worker, and leaves the signal as it was', async () => {
    const { grants, calls, source } = await setup(3);
    await source.current();
    source.takeSignalIds();
    source.changed(['app-1|u:2|sg']);
    await grants.put(grantN(4));
    source.readAllAgain();
    expect((await source.current()).size()).toBe(4);
    expect(calls.list).toBe(2);
    expect(source.takeSignalIds()).toEqual(['app-1|u:2|sg']);
  });

  it('names the changed ids once for the signal; too many, or the first signal of a worker, none', async () => {
    const { source } = await setup(0);
    expect(source.takeSignalIds()).toBeUndefined();
    source.changed(['a', 'b']);
    source.changed(['b']);
    expect(source.takeSignalIds()).toEqual(['a', 'b']);
    expect(source.takeSignalIds()).toEqual([]);
    source.changed(Array.from({ length: MAX_SIGNALLED_IDS + 1 }, (_, index) => `id-${index}`));
    expect(source.takeSignalIds()).toBeUndefined();
    source.changed(['a']);
    source.viewsChanged();
    expect(source.takeSignalIds()).toBeUndefined();
  });

  it('tries the read again after a storage failure', async () => {
    const { grants, source } = await setup(2);
    const listing = grants.listing.bind(grants);
    grants.listing = async () => {
      grants.listing = listing;
      throw new Error('disk');
    };
    await expect(source.current()).rejects.toThrow('disk');
    expect((await source.current()).size()).toBe(2);
  });

  it('answers from the summary when storage fails after it is built, unless a change is unread', async () => {
    const { grants, source } = await setup(2);
    await source.current();
    const failing = async () => {
      throw new Error('disk');
    };
    grants.listing = failing;
    grants.get = failing;
    expect((await source.current()).size()).toBe(2);
    source.changed(['app-1|u:1|sg']);
    await expect(source.current()).rejects.toThrow('disk');
  });
});
