/**
 * The one lookup of human words for an error, used by the popup and the options page: the title and
 * detail of its code (src/shared/error-table.ts, words in the catalogs), what a few codes add from the
 * error itself, and the label of the next step.
 */
import { type ErrorCode, errorEntry, errorText, type NextAction } from '../shared/error-table';
import type { ErrorData } from '../shared/errors';
import { type MessageKey, t, tPlural } from '../shared/i18n';

export interface ErrorWords {
  title: string;
  detail: string;
  action: NextAction;
  actionLabel?: string;
}

const ACTION_LABELS: Record<NextAction, MessageKey | undefined> = {
  retry: 'action_retry',
  reauthorize: 'action_reauthorize',
  settings: 'action_settings',
  allow_access: 'action_allow_access',
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
  return tPlural('error_rate_limited_wait', seconds);
}

export function describeError(error: ErrorData): ErrorWords {
  const entry = errorEntry(error.code);
  const text = errorText(error.code);
  const labelKey = ACTION_LABELS[entry.action];
  const label = labelKey && t(labelKey);
  return {
    title: text.title,
    detail: DETAIL_FROM_ERROR[error.code]?.(error) ?? text.detail,
    action: entry.action,
    ...(label ? { actionLabel: label } : {}),
  };
}
