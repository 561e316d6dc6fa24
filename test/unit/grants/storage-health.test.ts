import { describe, expect, it } from 'vitest';
import {
  afterSuccess,
  HEALTHY,
  isFailing,
  needsWriteToRecover,
  newFailureKinds,
  parseStorageHealth,
  type StorageHealth,
  storageFailureNotice,
  withFailure,
} from '../../../src/grants/storage-health';
import { STORAGE_FAILURE_KINDS, storageFailureWords } from '../../../src/shared/storage-health';

const T0 = 1_700_000_000_000;

describe('storage health', () => {
  it('records each kind once, from when it first failed', () => {
    const once = withFailure(HEALTHY, 'quota', T0);
    const again = withFailure(once, 'quota', T0 + 5_000);
    expect(again).toBe(once);
    expect(withFailure(again, 'open', T0 + 9_000)).toEqual({
      failures: [
        { kind: 'quota', since: T0 },
        { kind: 'open', since: T0 + 9_000 },
      ],
    });
    expect(isFailing(HEALTHY)).toBe(false);
    expect(isFailing(once)).toBe(true);
  });

  it('tells which kinds are new, so each is told to a person once', () => {
    const quota = withFailure(HEALTHY, 'quota', T0);
    const both = withFailure(quota, 'transaction', T0);
    expect(newFailureKinds(HEALTHY, quota)).toEqual(['quota']);
    expect(newFailureKinds(quota, both)).toEqual(['transaction']);
    expect(newFailureKinds(both, both)).toEqual([]);
    expect(newFailureKinds(both, HEALTHY)).toEqual([]);
  });

  it.each(['open', 'upgrade', 'newer_version'] as const)('ends a failure to %s with any read', (kind) => {
    const failing = withFailure(HEALTHY, kind, T0);
    expect(needsWriteToRecover(failing)).toBe(false);
    expect(afterSuccess(failing, 'read')).toEqual(HEALTHY);
  });

  it.each(['quota', 'transaction'] as const)('ends %s only with a write', (kind) => {
    const failing = withFailure(withFailure(HEALTHY, 'open', T0), kind, T0);
    expect(needsWriteToRecover(failing)).toBe(true);
    // The read proves the database opens; it proves nothing about room to write.
    expect(afterSuccess(failing, 'read')).toEqual({ failures: [{ kind, since: T0 }] });
    expect(afterSuccess(failing, 'write')).toEqual(HEALTHY);
  });

  it('leaves the same value when a success ends nothing', () => {
    expect(afterSuccess(HEALTHY, 'write')).toBe(HEALTHY);
    const quota = withFailure(HEALTHY, 'quota', T0);
    expect(afterSuccess(quota, 'read')).toBe(quota);
  });

  it('reads back what it kept, and nothing from anything else', () => {
    const kept: StorageHealth = { failures: [{ kind: 'upgrade', since: T0 }] };
    expect(parseStorageHealth(structuredClone(kept))).toEqual(kept);
    expect(parseStorageHealth({ failures: [] })).toEqual(HEALTHY);
    for (const odd of [
      undefined,
      null,
      'failing',
      { failures: 'quota' },
      { failures: [{ kind: 'melted', since: T0 }] },
      { failures: [{ kind: 'quota', since: 'yesterday' }] },
      { failures: [null] },
    ]) {
      expect(parseStorageHealth(odd)).toBeUndefined();
    }
    expect(
      parseStorageHealth({
        failures: [
          { kind: 'quota', since: T0 },
          { kind: 'quota', since: T0 + 1 },
        ],
      }),
    ).toEqual({ failures: [{ kind: 'quota', since: T0 }] });
  });

  it('has one notice per kind, saying what happened and what to do', () => {
    const ids = STORAGE_FAILURE_KINDS.map((kind) => storageFailureNotice(kind).id);
    expect(new Set(ids).size).toBe(STORAGE_FAILURE_KINDS.length);
    const quota = storageFailureNotice('quota');
    expect(quota).toEqual({
      id: 'storage:quota',
      title: 'Seller Auth cannot use its storage',
      message: `${storageFailureWords('quota').problem} ${storageFailureWords('quota').remedy}`,
    });
    expect(quota.message).toMatch(/Free disk space/);
    expect(quota).not.toHaveProperty('grantId');
  });
});
