/**
 * The one lookup of human words for an error, used by the popup and the options page: the title and
 * detail of its code in the error table (src/shared/error-table.ts), what a few codes add from the
 * error itself, and the label of the next step.
 */
import { type ErrorCode, errorEntry, type NextAction } from '../shared/error-table';
import type { ErrorData } from '../shared/errors';

export interface ErrorWords {
  title: string;
  detail: string;
  action: NextAction;
  actionLabel?: string;
}

const ACTION_LABELS: Record<NextAction, string | undefined> = {
  retry: 'Try again',
  reauthorize: 'Authorize again',
  settings: 'Open settings',
  allow_access: 'Allow access',
  none: undefined,
};

/** Codes whose detail says more than the table: the platform's wait, or our own field message. */
const DETAIL_FROM_ERROR: Partial<Record<ErrorCode, (error: ErrorData) => string | undefined>> = {
  rate_limited: (error) => rateLimitDetail(error.retryAfterMs),
  invalid_input: (error) => error.message || undefined,
  internal: (error) => error.message || undefined,
};

function rateLimitDetail(retryAfterMs: number | undefined): string | undefined {
  if (!retryAfterMs || retryAfterMs <= 0) return undefined;
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `The platform asked Seller Auth to slow down. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}

export function describeError(error: ErrorData): ErrorWords {
  const entry = errorEntry(error.code);
  const label = ACTION_LABELS[entry.action];
  return {
    title: entry.title,
    detail: DETAIL_FROM_ERROR[error.code]?.(error) ?? entry.detail,
    action: entry.action,
    ...(label ? { actionLabel: label } : {}),
  };
}
