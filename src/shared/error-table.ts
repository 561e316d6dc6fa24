/**
 * Every error code in one table: whether trying again can help, the one next step a person can take,
 * and what a failed refresh means for the grant. The words are in the catalogs (`error_<code>_title`,
 * `error_<code>_detail` in src/_locales), read through `errorWords` and `describeError`
 * (src/ui/error-words.ts); a test checks every code has both.
 */

import { type MessageKey, t } from './i18n';

/** The one next step a person can take. */
export type NextAction = 'retry' | 'reauthorize' | 'settings' | 'allow_access' | 'none';

/**
 * What a failed refresh means for the grant, where it is more than its `retryable`: `permanent` (the
 * seller must authorize again), `unsupported` (the app cannot refresh: the grant lives until its access
 * token expires), `rate_limited` (the gateway pacing us: not the grant's fault).
 */
export type RefreshMeaning = 'permanent' | 'unsupported' | 'rate_limited';

export interface ErrorEntry {
  retryable: boolean;
  action: NextAction;
  refresh?: RefreshMeaning;
}

export const ERROR_TABLE = {
  // Transport and upstream hiccups: try again later, never mark a grant dead for these.
  network: {
    retryable: true,
    action: 'retry',
  },
  timeout: {
    retryable: true,
    action: 'retry',
  },
  malformed_response: {
    retryable: true,
    action: 'retry',
  },
  upstream_unavailable: {
    retryable: true,
    action: 'retry',
  },
  rate_limited: {
    retryable: true,
    action: 'retry',
    refresh: 'rate_limited',
  },
  service_timeout: {
    retryable: true,
    action: 'retry',
  },
  // The platform refused our timestamp: this computer's clock is off; fixing it fixes the next try.
  clock_skew: {
    retryable: true,
    action: 'retry',
  },
  // Platform answers that retrying cannot fix.
  invalid_code: {
    retryable: false,
    action: 'reauthorize',
    refresh: 'permanent',
  },
  refresh_pending: {
    retryable: true,
    action: 'none',
  },
  refresh_interrupted: {
    retryable: false,
    action: 'reauthorize',
    refresh: 'permanent',
  },
  refresh_token_invalid: {
    retryable: false,
    action: 'reauthorize',
    refresh: 'permanent',
  },
  refresh_unsupported: {
    retryable: false,
    action: 'reauthorize',
    refresh: 'unsupported',
  },
  refresh_deadline_passed: {
    retryable: false,
    action: 'reauthorize',
    refresh: 'permanent',
  },
  access_token_invalid: {
    retryable: false,
    action: 'reauthorize',
    refresh: 'permanent',
  },
  signature_rejected: {
    retryable: false,
    action: 'settings',
  },
  missing_parameter: {
    retryable: false,
    action: 'settings',
  },
  app_rejected: {
    retryable: false,
    action: 'settings',
  },
  platform_error: {
    retryable: false,
    action: 'none',
  },
  // The seller's login in the browser.
  state_mismatch: {
    retryable: false,
    action: 'reauthorize',
  },
  authorization_denied: {
    retryable: false,
    action: 'reauthorize',
  },
  missing_code: {
    retryable: false,
    action: 'reauthorize',
  },
  not_our_callback: {
    retryable: false,
    action: 'settings',
  },
  login_cancelled: {
    retryable: false,
    action: 'reauthorize',
  },
  auth_flow_busy: {
    retryable: true,
    action: 'retry',
  },
  auth_page_failed: {
    retryable: true,
    action: 'retry',
  },
  attempt_expired: {
    retryable: false,
    action: 'reauthorize',
  },
  account_mismatch: {
    retryable: false,
    action: 'reauthorize',
  },
  // The extension itself.
  invalid_input: {
    retryable: false,
    action: 'settings',
  },
  not_found: {
    retryable: false,
    action: 'none',
  },
  forbidden_sender: {
    retryable: false,
    action: 'none',
  },
  permission_denied: {
    retryable: false,
    action: 'allow_access',
  },
  storage_failed: {
    retryable: true,
    action: 'retry',
  },
  // The worker was stopped (or restarted) before it answered a page: asking again wakes it.
  worker_unavailable: {
    retryable: true,
    action: 'retry',
  },
  internal: {
    retryable: false,
    action: 'none',
  },
  // Backup files (src/backup names each fault; nothing is imported for any of them).
  backup_not_seller_auth: {
    retryable: false,
    action: 'none',
  },
  backup_newer_version: {
    retryable: false,
    action: 'none',
  },
  backup_tampered: {
    retryable: false,
    action: 'none',
  },
  backup_wrong_passphrase: {
    retryable: false,
    action: 'none',
  },
  backup_invalid_contents: {
    retryable: false,
    action: 'none',
  },
  backup_passphrase_empty: {
    retryable: false,
    action: 'none',
  },
  // The shop was moved to another browser: its tokens are used there, not here.
  grant_moved: {
    retryable: false,
    action: 'none',
  },
  // Seller tools (other extensions, allowed pages) asking through the tools API.
  tools_not_allowed: {
    retryable: false,
    action: 'none',
  },
  tools_consent_refused: {
    retryable: false,
    action: 'none',
  },
  tools_consent_busy: {
    retryable: true,
    action: 'retry',
  },
  tools_shop_not_granted: {
    retryable: false,
    action: 'none',
  },
  tools_tokens_not_granted: {
    retryable: false,
    action: 'none',
  },
} satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERROR_TABLE;

export function errorEntry(code: ErrorCode): ErrorEntry {
  return ERROR_TABLE[code];
}

/** Fails to compile while a code lacks its title or detail in the English catalog. */
type WordlessCodes = Exclude<`error_${ErrorCode}_title` | `error_${ErrorCode}_detail`, MessageKey>;
const everyCodeHasWords: [WordlessCodes] extends [never] ? true : WordlessCodes = true;
void everyCodeHasWords;

/** The code's words in the installed language: a short title, and one or two sentences. */
export function errorText(code: ErrorCode): { title: string; detail: string } {
  return {
    title: t(`error_${code}_title` satisfies MessageKey),
    detail: t(`error_${code}_detail` satisfies MessageKey),
  };
}
