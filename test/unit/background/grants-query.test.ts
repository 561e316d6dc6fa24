/**
 * The worker's side of a large shop list: `grants.query` answers a window from the shop summary, the
 * change signal names the shops a write touched, and re-arming counts the badge without reading every
 * grant again.
 */
import { describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../../src/popup/empty-filter';
import { SellerAuthError } from '../../../src/shared/errors';
import { countCalls } from '../../support/count-calls';
import { createHarness, type Harness, storeGrant } from './harness';

/** Counts the store reads of every grant from here on (a list, or the listing the summary reads). */
function countFullReads(h: Harness) {
  const counts = countCalls(h.stores.grants, ['list', 'listing']);
  return {
    get list() {
      return counts.list + counts.listing;
    },
  };
}

async function withShops(count: number) {
  const h = createHarness();
  const app = await h.addApp({ name: 'Main app' });
  const ids: string[] = [];
  for (let n = 1; n <= count; n += 1)
    ids.push((await storeGrant(h, app.id, `shop-${n}@example.com`, String(n))).id);
  return { h, app, ids };
}

describe('grants.query', () => {
  it('answers a window of rows with the totals, parsed from the page’s payload', async () => {
    const { h } = await withShops(120);
    const reply = await h.send('grants.query', {
      text: '',
      platform: 'all',
      health: 'all',
      country: 'all',
      appId: 'all',
      offset: 100,
      limit: 50,
    });
    expect(reply).toMatchObject({ offset: 100, total: 120, shops: 120, countries: ['sg'] });
    expect(reply.ids).toHaveLength(20);
    expect(reply.rows).toHaveLength(20);
    expect(reply.counts.connected).toBe(120);
    expect(JSON.stringify(reply)).not.toContain('fake-access-token');
  });

  it('fills in what a page leaves out, and names a bad field', async () => {
    const { h } = await withShops(3);
    const handler = h.worker.handlers['grants.query'];
    const { parseRequest } = await import('../../../src/background/messaging/request-parsers');
    expect(parseRequest('grants.query', { text: 'shop-2' })).toEqual({
      text: 'shop-2',
      platform: 'all',
      health: 'all',
      country: 'all',
      appId: 'all',
      offset: 0,
      limit: 50,
    });
    expect((await handler(parseRequest('grants.query', { text: 'shop-2' }))).total).toBe(1);
    for (const [payload, field] of [
      [{ platform: 'shopee' }, 'platform'],
      [{ health: 'sick' }, 'health'],
      [{ limit: 101 }, 'limit'],
      [{ offset: -1 }, 'offset'],
      [{ have: 'all' }, 'have'],
      [{ changed: [1] }, 'changed'],
      [{ text: 'x'.repeat(201) }, 'text'],
    ] as const) {
      let error: unknown;
      try {
        parseRequest('grants.query', payload);
      } catch (thrown) {
        error = thrown;
      }
      expect(error).toBeInstanceOf(SellerAuthError);
      expect((error as SellerAuthError).details).toMatchObject({ field });
    }
  });
});

describe('change signal and badge at scale', () => {
  it('names the one shop a remove touched, and re-arms without reading every grant', async () => {
    const { h, ids } = await withShops(50);
    await h.worker.rearm();
    const shown = (await h.send('grants.query', { ...EMPTY_FILTER, offset: 0, limit: 50 })).ids;
    const reads = countFullReads(h);

    await h.send('grants.remove', { grantId: ids[3]! });

    expect(h.changes.ids.at(-1)).toEqual([ids[3]]);
    expect(reads.list).toBe(0);
    const reply = await h.send('grants.query', {
      ...EMPTY_FILTER,
      offset: 0,
      limit: 50,
      have: shown,
      changed: [ids[3]!],
    });
    expect(reply.total).toBe(49);
    expect(reply.ids).not.toContain(ids[3]);
    // Every row left is one the page has: nothing but the ids comes back.
    expect(reply.rows).toEqual([]);
    expect(reads.list).toBe(0);
  });

  it('counts the badge from the summary: a shop gone bad shows without a full read', async () => {
    const { h, ids } = await withShops(20);
    await h.worker.rearm();
    expect(h.badge.current).toBe(0);
    const reads = countFullReads(h);
    await h.stores.grants.update(ids[5]!, (grant) => grant && { ...grant, status: 'needs_authorization' });
    await h.worker.rearm();
    expect(h.badge.current).toBe(1);
    expect(reads.list).toBe(0);
  });

  it('names no ids after saved settings: every row may read differently', async () => {
    const { h } = await withShops(2);
    await h.worker.rearm();
    await h.send('settings.save', { reminderDays: [14] });
    expect(h.changes.ids.at(-1)).toBeUndefined();
  });

  it('reads no storage once its summary is built; a saved setting is read once, and shows', async () => {
    const { h } = await withShops(3);
    const all = { ...EMPTY_FILTER, offset: 0, limit: 50 };
    const before = await h.send('grants.query', all);
    const reads = { list: 0, get: 0, settings: 0 };
    const { grants, settings } = h.stores;
    const counted = <A extends unknown[], R>(key: keyof typeof reads, call: (...args: A) => R) => {
      return (...args: A): R => {
        reads[key] += 1;
        return call(...args);
      };
    };
    grants.list = counted('list', grants.list.bind(grants));
    grants.listing = counted('list', grants.listing.bind(grants));
    grants.get = counted('get', grants.get.bind(grants));
    settings.get = counted('settings', settings.get.bind(settings));

    for (let query = 0; query < 3; query++) await h.send('grants.query', all);
    expect(reads).toEqual({ list: 0, get: 0, settings: 0 });

    await h.send('settings.save', { reminderDays: [60] });
    const readBySave = reads.settings; // the re-arm after a save counts the badge with them
    const after = await h.send('grants.query', all);
    await h.send('grants.query', all);
    expect(reads.settings - readBySave).toBe(1);
    expect(before.counts.expiring).toBe(0);
    expect(after.counts.expiring).toBe(3);
  });
});
