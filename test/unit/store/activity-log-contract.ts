/** What every ActivityLog must do (ports.ts), run against the IndexedDB log and the in-memory fake. */
import { describe, expect, it } from 'vitest';
import type { ActivityLog } from '../../../src/grants/ports';
import { REDACTED } from '../../../src/grants/store/activity-entry';
import type { ActivityEntry } from '../../../src/shared/model';
import { T0 } from '../../support/builders';

function entry(at: number, grantId?: string): Omit<ActivityEntry, 'id'> {
  return grantId === undefined ? { at, kind: 'refreshed' } : { at, kind: 'refreshed', grantId };
}

export function describeActivityLogContract(
  name: string,
  makeLog: (options: { maxEntries: number; maxPerShop?: number }) => Promise<ActivityLog>,
): void {
  describe(`ActivityLog contract: ${name}`, () => {
    it('lists newest first by time, numbering entries in the order they came', async () => {
      const log = await makeLog({ maxEntries: 100 });
      await log.add(entry(T0 + 20));
      await log.add(entry(T0));
      await log.add(entry(T0 + 40));
      await log.add(entry(T0 + 20));
      const listed = await log.list();
      expect(listed.map((e) => [e.at, e.id])).toEqual([
        [T0 + 40, 3],
        [T0 + 20, 4],
        [T0 + 20, 1],
        [T0, 2],
      ]);
    });

    it('filters by grant and stops at the limit, newest first', async () => {
      const log = await makeLog({ maxEntries: 100 });
      for (let i = 1; i <= 6; i++) await log.add(entry(T0 + i, i % 2 ? 'odd' : 'even'));
      expect((await log.list({ grantId: 'odd' })).map((e) => e.at)).toEqual([T0 + 5, T0 + 3, T0 + 1]);
      expect((await log.list({ grantId: 'odd', limit: 2 })).map((e) => e.at)).toEqual([T0 + 5, T0 + 3]);
      expect((await log.list({ limit: 2 })).map((e) => e.at)).toEqual([T0 + 6, T0 + 5]);
      expect((await log.list({ grantId: 'none' })).map((e) => e.at)).toEqual([]);
    });

    it('answers nothing for a limit of zero or less, everything for Infinity', async () => {
      const log = await makeLog({ maxEntries: 100 });
      for (let i = 0; i < 3; i++) await log.add(entry(T0 + i, 'g'));
      expect(await log.list({ limit: 0 })).toEqual([]);
      expect(await log.list({ limit: -1 })).toEqual([]);
      expect(await log.list({ grantId: 'g', limit: 0 })).toEqual([]);
      expect(await log.list({ limit: Number.POSITIVE_INFINITY })).toHaveLength(3);
      expect(await log.list({ limit: 2.9 })).toHaveLength(2);
    });

    it('keeps only the newest `maxEntries` entries added', async () => {
      const log = await makeLog({ maxEntries: 3 });
      for (let i = 1; i <= 5; i++) await log.add(entry(T0 + 10 - i));
      expect((await log.list()).map((e) => e.id)).toEqual([3, 4, 5]);
    });

    it('keeps each shop’s newest `maxPerShop` entries, whatever the other shops add', async () => {
      const log = await makeLog({ maxEntries: 100, maxPerShop: 3 });
      await log.add(entry(T0, 'quiet'));
      for (let i = 1; i <= 6; i++) await log.add(entry(T0 + i, 'busy'));
      await log.add(entry(T0 + 7));
      expect((await log.list({ grantId: 'busy' })).map((e) => e.at)).toEqual([T0 + 6, T0 + 5, T0 + 4]);
      expect((await log.list({ grantId: 'quiet' })).map((e) => e.at)).toEqual([T0]);
      expect((await log.list()).map((e) => e.at)).toEqual([T0 + 7, T0 + 6, T0 + 5, T0 + 4, T0]);
    });

    it('appends an entry that carries a stray id instead of overwriting an older one', async () => {
      const log = await makeLog({ maxEntries: 100 });
      await log.add(entry(T0));
      await log.add({ ...entry(T0 + 1), id: 1 } as ActivityEntry);
      expect((await log.list()).map((e) => e.id)).toEqual([2, 1]);
    });

    it('blanks out anything shaped like a token in the detail', async () => {
      const log = await makeLog({ maxEntries: 100 });
      await log.add({ ...entry(T0), detail: `refresh token ${'a1B2'.repeat(12)} refused` });
      expect((await log.list())[0]?.detail).toBe(`refresh token ${REDACTED} refused`);
    });

    it('refuses an entry without a time or a kind, storing nothing', async () => {
      const log = await makeLog({ maxEntries: 100 });
      await expect(log.add(entry(Number.NaN))).rejects.toMatchObject({
        code: 'invalid_input',
        details: { field: 'at' },
      });
      await expect(log.add({ at: T0 } as ActivityEntry)).rejects.toMatchObject({
        code: 'invalid_input',
        details: { field: 'kind' },
      });
      expect(await log.list()).toEqual([]);
    });
  });
}
