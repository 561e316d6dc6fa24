/** What a failed refresh means for the grant, by error code. */
import { errorEntry } from '../shared/error-table';
import type { ErrorData } from '../shared/errors';

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

/**
 * The table's meaning for the code, else by `retryable`: back off, or wait long for a settings fix.
 * An error the platform named but we do not know (`isp.*`, `SYSTEM`...) is most often its own trouble:
 * it backs off like a transient one (capped at 30 min), not 6 hours while the access token runs out.
 */
export function classifyFailure(
  error: Pick<ErrorData, 'code' | 'retryable'> & { platformCode?: string | undefined },
): FailureClass {
  if (error.code === 'platform_error' && error.platformCode) return 'transient';
  return errorEntry(error.code).refresh ?? (error.retryable ? 'transient' : 'configuration');
}
