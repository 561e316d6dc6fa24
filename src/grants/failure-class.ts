/** What a failed refresh means for the grant, by error code. */
import type { ErrorCode, ErrorData } from '../shared/errors';

export type FailureClass =
  /** The gateway asked us to slow down: not the grant's fault, not counted as a failure. */
  | 'rate_limited'
  /** The seller must authorize again. */
  | 'permanent'
  /** The app cannot refresh (marketplace apps): the grant lives until its access token expires. */
  | 'unsupported'
  /** Network, timeouts, upstream hiccups: back off and retry. */
  | 'transient'
  /** Wrong secret, rejected app, a bug: not the seller's fault, and retrying fast cannot fix it. */
  | 'configuration';

const PERMANENT: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'refresh_token_invalid',
  'refresh_deadline_passed',
  'invalid_code',
  'access_token_invalid',
]);

export function classifyFailure(error: Pick<ErrorData, 'code' | 'retryable'>): FailureClass {
  if (error.code === 'rate_limited') return 'rate_limited';
  if (PERMANENT.has(error.code)) return 'permanent';
  if (error.code === 'refresh_unsupported') return 'unsupported';
  return error.retryable ? 'transient' : 'configuration';
}
