/**
 * Checks that keep a record findable. IndexedDB silently leaves a record out of an index whose key is
 * missing or not a number, so a grant with a bad `dueAt` would never be refreshed: refuse it instead.
 * Messages name the field, never the value (it might be a token).
 */
import { SellerAuthError } from '../../shared/errors';
import type { Grant } from '../model';

export function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new SellerAuthError('invalid_input', `A stored record needs a non-empty ${field}.`, { field });
  }
  return value;
}

export function requireTime(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new SellerAuthError('invalid_input', `A stored record needs ${field} as a time in milliseconds.`, {
      field,
    });
  }
  return value;
}

/** What every GrantStore write requires: a key, an app to cascade from, and an indexable dueAt. */
export function checkStorableGrant(grant: Grant): void {
  requireId(grant.id, 'id');
  requireId(grant.appId, 'appId');
  requireTime(grant.dueAt, 'dueAt');
}
