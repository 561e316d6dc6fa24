/** What every AttemptStore must do (ports.ts), run against the IndexedDB store and the in-memory fake. */
import { describe, expect, it } from 'vitest';
import type { AttemptStore } from '../../../src/grants/ports';
import { anAttempt, T0 } from '../../support/builders';

export function describeAttemptStoreContract(name: string, makeStore: () => Promise<AttemptStore>): void {
  describe(`AttemptStore contract: ${name}`, () => {
    it('has no latest attempt at first', async () => {
      const attempts = await makeStore();
      expect(await attempts.latest()).toBeUndefined();
    });

    it('answers the attempt started last, whatever the order they were put in', async () => {
      const attempts = await makeStore();
      await attempts.put(anAttempt({ id: 'newest', startedAt: T0 + 2000 }));
      await attempts.put(anAttempt({ id: 'oldest', startedAt: T0 }));
      await attempts.put(anAttempt({ id: 'middle', startedAt: T0 + 1000 }));
      expect(await attempts.latest()).toEqual(anAttempt({ id: 'newest', startedAt: T0 + 2000 }));
    });

    it('replaces an attempt put again under its id', async () => {
      const attempts = await makeStore();
      await attempts.put(anAttempt({ phase: 'waiting_for_login' }));
      await attempts.put(anAttempt({ phase: 'exchanging' }));
      expect(await attempts.latest()).toEqual(anAttempt({ phase: 'exchanging' }));
    });

    it('hands out copies: changing a returned attempt does not change the stored one', async () => {
      const attempts = await makeStore();
      await attempts.put(anAttempt());
      const read = await attempts.latest();
      if (!read) throw new Error('attempt missing');
      read.countries.push('my');
      expect(await attempts.latest()).toEqual(anAttempt());
    });

    it('forgets every attempt on clear', async () => {
      const attempts = await makeStore();
      await attempts.put(anAttempt({ id: 'a', startedAt: T0 }));
      await attempts.put(anAttempt({ id: 'b', startedAt: T0 + 1 }));
      await attempts.clear();
      expect(await attempts.latest()).toBeUndefined();
    });

    it('refuses an attempt without an id or a start time, keeping the stored one', async () => {
      const attempts = await makeStore();
      await attempts.put(anAttempt());
      await expect(attempts.put(anAttempt({ id: '', startedAt: T0 + 5 }))).rejects.toMatchObject({
        code: 'invalid_input',
        details: { field: 'id' },
      });
      await expect(attempts.put(anAttempt({ id: 'later', startedAt: Number.NaN }))).rejects.toMatchObject({
        code: 'invalid_input',
        details: { field: 'startedAt' },
      });
      expect(await attempts.latest()).toEqual(anAttempt());
    });
  });
}
