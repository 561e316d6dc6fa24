import { describe, expect, it } from 'vitest';
import { readLimit } from '../../../src/grants/store/read-limit';

describe('readLimit', () => {
  it('reads no limit and Infinity as everything', () => {
    expect(readLimit(undefined)).toEqual({ kind: 'all' });
    expect(readLimit(Number.POSITIVE_INFINITY)).toEqual({ kind: 'all' });
  });

  it('reads zero, negatives and NaN as nothing (getAll would read 0 as everything)', () => {
    for (const limit of [0, -3, 0.5, Number.NaN]) expect(readLimit(limit)).toEqual({ kind: 'none' });
  });

  it('rounds a fractional limit down', () => {
    expect(readLimit(2.9)).toEqual({ kind: 'at_most', count: 2 });
  });

  it('reads a limit beyond what getAll accepts as everything', () => {
    expect(readLimit(2 ** 40)).toEqual({ kind: 'all' });
  });
});
