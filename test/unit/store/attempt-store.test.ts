import { describe, expect, it } from 'vitest';
import { createAttemptStore, MAX_KEPT_ATTEMPTS } from '../../../src/grants/store/attempt-store';
import { anAttempt, T0 } from '../../support/builders';
import { describeAttemptStoreContract } from './attempt-store-contract';
import { openTestDb } from './test-db';

describeAttemptStoreContract('IndexedDB', async () => createAttemptStore((await openTestDb()).db));

describe('IndexedDB AttemptStore', () => {
  it('has no latest attempt at first', async () => {
    const attempts = createAttemptStore((await openTestDb()).db);
    expect(await attempts.latest()).toBeUndefined();
  });

  it('returns the attempt started last, whatever the order they were put in', async () => {
    const attempts = createAttemptStore((await openTestDb()).db);
    await attempts.put(anAttempt({ id: 'newest', startedAt: T0 + 2000 }));
    await attempts.put(anAttempt({ id: 'oldest', startedAt: T0 }));
    await attempts.put(anAttempt({ id: 'middle', startedAt: T0 + 1000 }));
    expect((await attempts.latest())?.id).toBe('newest');
  });

  it('updates an attempt in place as its phase moves on', async () => {
    const attempts = createAttemptStore((await openTestDb()).db);
    await attempts.put(anAttempt());
    const finished = anAttempt({ phase: 'succeeded', finishedAt: T0 + 5, grantId: 'g-1' });
    await attempts.put(finished);
    expect(await attempts.latest()).toEqual(finished);
  });

  it(`keeps only the newest ${MAX_KEPT_ATTEMPTS} attempts`, async () => {
    const test = await openTestDb();
    const attempts = createAttemptStore(test.db);
    for (let i = 0; i < MAX_KEPT_ATTEMPTS + 5; i += 1) {
      await attempts.put(anAttempt({ id: `attempt-${i}`, startedAt: T0 + i }));
    }
    const kept = (await test.db.getAllFromIndex('attempts', 'startedAt')).map((a) => a.id);
    expect(kept).toEqual(Array.from({ length: MAX_KEPT_ATTEMPTS }, (_, i) => `attempt-${i + 5}`));
    expect((await attempts.latest())?.id).toBe(`attempt-${MAX_KEPT_ATTEMPTS + 4}`);
  });

  it('clears every attempt', async () => {
    const attempts = createAttemptStore((await openTestDb()).db);
    await attempts.put(anAttempt({ id: 'a' }));
    await attempts.put(anAttempt({ id: 'b', startedAt: T0 + 1 }));
    await attempts.clear();
    expect(await attempts.latest()).toBeUndefined();
  });

  it('refuses an attempt without a start time (it could never be found as the latest)', async () => {
    const attempts = createAttemptStore((await openTestDb()).db);
    await expect(attempts.put(anAttempt({ startedAt: Number.NaN }))).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'startedAt' },
    });
  });

  it('keeps the latest attempt across a close and reopen', async () => {
    const test = await openTestDb();
    await createAttemptStore(test.db).put(anAttempt());
    expect(await createAttemptStore(await test.reopen()).latest()).toEqual(anAttempt());
  });
});
