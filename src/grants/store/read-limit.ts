/**
 * The `count` to pass to getAll: IndexedDB reads 0 as "no limit", so a limit of zero (or less) must be
 * answered with nothing before any request is made. Infinity means everything.
 */
export type ReadLimit = { kind: 'none' } | { kind: 'all' } | { kind: 'at_most'; count: number };

const MAX_COUNT = 2 ** 32 - 1; // getAll's count is an unsigned long

export function readLimit(limit: number | undefined): ReadLimit {
  if (limit === undefined || limit === Number.POSITIVE_INFINITY) return { kind: 'all' };
  const count = Math.floor(limit);
  if (!(count > 0)) return { kind: 'none' };
  return count >= MAX_COUNT ? { kind: 'all' } : { kind: 'at_most', count };
}
