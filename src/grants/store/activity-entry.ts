/**
 * Prepares an activity entry for storage. The log is shown to people and kept for weeks, so free text
 * is capped, and anything shaped like a token (a long unbroken run of token characters: IOP access and
 * refresh tokens are ~60, authorization codes ~33) is blanked out in case a caller slipped one in.
 */
import { SellerAuthError } from '../../shared/errors';
import type { ActivityEntry } from '../../shared/model';
import { requireTime } from './record-checks';

export const MAX_DETAIL_LENGTH = 500;
const MAX_ACCOUNT_LENGTH = 200;
/** 32 and up: long enough to spare request ids (25) and error codes, short enough to catch codes and tokens. */
const TOKEN_LIKE = /[A-Za-z0-9_+-]{32,}/g;
export const REDACTED = '[redacted]';

function capped(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

export function redactTokenLike(text: string): string {
  return text.replace(TOKEN_LIKE, REDACTED);
}

export function prepareActivityEntry(entry: Omit<ActivityEntry, 'id'>): Omit<ActivityEntry, 'id'> {
  requireTime(entry.at, 'at');
  if (typeof entry.kind !== 'string' || entry.kind.length === 0) {
    throw new SellerAuthError('invalid_input', 'An activity entry needs a kind.', { field: 'kind' });
  }
  // A stray `id` would make the auto-increment store overwrite an older entry instead of appending.
  const { id: _stray, ...fields } = entry as ActivityEntry;
  const prepared: Omit<ActivityEntry, 'id'> = { ...fields };
  if (typeof fields.detail === 'string')
    prepared.detail = capped(redactTokenLike(fields.detail), MAX_DETAIL_LENGTH);
  if (typeof fields.account === 'string') prepared.account = capped(fields.account, MAX_ACCOUNT_LENGTH);
  if (typeof fields.caller === 'string') prepared.caller = capped(fields.caller, MAX_ACCOUNT_LENGTH);
  return prepared;
}
