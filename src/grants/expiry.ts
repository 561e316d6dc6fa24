/** The end of a grant: marked "needs authorization", after which nothing is scheduled for it. */
import { type ErrorData, SellerAuthError } from '../shared/errors';
import { type Grant, NEVER_DUE } from './model';

export function deadlinePassedError(): ErrorData {
  return new SellerAuthError(
    'refresh_deadline_passed',
    'This authorization has reached its deadline. Authorize the shop again.',
  ).toData();
}

/** The grant, dead: its tokens stay stored (nothing is lost), but it waits for the seller now. */
export function withNeedsAuthorization(grant: Grant, error: ErrorData, now: number): Grant {
  return {
    ...grant,
    status: 'needs_authorization',
    dueAt: NEVER_DUE,
    retryAt: undefined,
    refreshStartedAt: undefined,
    lastError: error,
    updatedAt: now,
  };
}
