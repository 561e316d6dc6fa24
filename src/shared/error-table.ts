/**
 * Every error code in one table: whether trying again can help, the one next step a person can take,
 * what a failed refresh means for the grant, and the human words the popup and the options page show.
 * Pages read the words through `describeError` (src/ui/error-words.ts) only, so a translation pass can
 * swap `title` and `detail` for message keys in one place.
 */

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
  /** Short, for a heading or a row. */
  title: string;
  /** One or two sentences; some codes say more from the error itself (see describeError). */
  detail: string;
}

export const ERROR_TABLE = {
  // Transport and upstream hiccups: try again later, never mark a grant dead for these.
  network: {
    retryable: true,
    action: 'retry',
    title: 'No connection',
    detail: 'Seller Auth could not reach the platform. Check the internet connection.',
  },
  timeout: {
    retryable: true,
    action: 'retry',
    title: 'The platform took too long',
    detail: 'The request timed out before the platform answered.',
  },
  malformed_response: {
    retryable: true,
    action: 'retry',
    title: 'Unexpected answer from the platform',
    detail: 'The platform sent a reply Seller Auth could not read. This is usually temporary.',
  },
  upstream_unavailable: {
    retryable: true,
    action: 'retry',
    title: 'The platform is unavailable',
    detail: "The platform's servers are not answering right now.",
  },
  rate_limited: {
    retryable: true,
    action: 'retry',
    refresh: 'rate_limited',
    title: 'Too many requests',
    detail: 'The platform asked Seller Auth to slow down. Try again shortly.',
  },
  service_timeout: {
    retryable: true,
    action: 'retry',
    title: 'The platform timed out',
    detail: "The platform's own service timed out. This is usually temporary.",
  },
  // The platform refused our timestamp: this computer's clock is off; fixing it fixes the next try.
  clock_skew: {
    retryable: true,
    action: 'retry',
    title: 'Computer clock is off',
    detail:
      "The platform refuses requests when this computer's clock is more than 2 hours off. Set the date and time correctly, then try again.",
  },
  // Platform answers that retrying cannot fix.
  invalid_code: {
    retryable: false,
    action: 'reauthorize',
    refresh: 'permanent',
    title: 'The login expired',
    detail: 'The authorization code was already used or is older than 30 minutes. Connect the shop again.',
  },
  refresh_pending: {
    retryable: true,
    action: 'none',
    title: 'Still waiting for the platform',
    detail:
      'Still waiting for the platform to answer the refresh. Seller Auth keeps the request open and saves the answer when it arrives.',
  },
  refresh_interrupted: {
    retryable: false,
    action: 'reauthorize',
    refresh: 'permanent',
    title: 'Refresh interrupted',
    detail:
      "A refresh was interrupted and the platform has already replaced this shop's token. The seller must authorize again.",
  },
  refresh_token_invalid: {
    retryable: false,
    action: 'reauthorize',
    refresh: 'permanent',
    title: 'Authorization ended',
    detail: "The platform no longer accepts this shop's authorization. The seller must authorize again.",
  },
  refresh_unsupported: {
    retryable: false,
    action: 'reauthorize',
    refresh: 'unsupported',
    title: 'Cannot renew automatically',
    detail:
      "This app's authorizations cannot be refreshed. The seller must authorize again before the deadline.",
  },
  refresh_deadline_passed: {
    retryable: false,
    action: 'reauthorize',
    refresh: 'permanent',
    title: 'Authorization deadline passed',
    detail: 'The date to authorize again has passed. The seller must log in and authorize again.',
  },
  access_token_invalid: {
    retryable: false,
    action: 'reauthorize',
    refresh: 'permanent',
    title: 'Access token rejected',
    detail: 'The platform rejected the access token. Authorize the shop again.',
  },
  signature_rejected: {
    retryable: false,
    action: 'settings',
    title: 'App secret rejected',
    detail: 'The platform rejected the request signature. Check the app key and app secret in settings.',
  },
  missing_parameter: {
    retryable: false,
    action: 'settings',
    title: 'Request incomplete',
    detail: 'The platform says a required value is missing. Check the app settings.',
  },
  app_rejected: {
    retryable: false,
    action: 'settings',
    title: 'App not accepted',
    detail:
      "The platform did not accept the app (app key, IP whitelist or call limit). Check the app settings and the platform's console.",
  },
  platform_error: {
    retryable: false,
    action: 'none',
    title: 'The platform refused the request',
    detail: 'The platform reported an error it did not explain.',
  },
  // The seller's login in the browser.
  state_mismatch: {
    retryable: false,
    action: 'reauthorize',
    title: 'Login could not be verified',
    detail:
      'The answer from the login did not match this attempt, so it was ignored for safety. Connect again.',
  },
  authorization_denied: {
    retryable: false,
    action: 'reauthorize',
    title: 'Access was not granted',
    detail: 'The seller did not approve access for the app.',
  },
  missing_code: {
    retryable: false,
    action: 'reauthorize',
    title: 'Login returned no code',
    detail: 'The platform came back without an authorization code. Connect again.',
  },
  not_our_callback: {
    retryable: false,
    action: 'settings',
    title: 'Callback URL mismatch',
    detail:
      "The login ended on a different address than the app's callback URL. Check the callback URL in settings.",
  },
  login_cancelled: {
    retryable: false,
    action: 'reauthorize',
    title: 'Login cancelled',
    detail: 'The login window was closed before the seller finished.',
  },
  auth_flow_busy: {
    retryable: true,
    action: 'retry',
    title: 'Another login is open',
    detail: 'Finish or close the other login window, then try again.',
  },
  auth_page_failed: {
    retryable: true,
    action: 'retry',
    title: 'Login page did not load',
    detail: "The platform's login page could not be opened. Check the connection and try again.",
  },
  attempt_expired: {
    retryable: false,
    action: 'reauthorize',
    title: 'Login took too long',
    detail: 'The login attempt expired before it finished. Connect again.',
  },
  account_mismatch: {
    retryable: false,
    action: 'reauthorize',
    title: 'A different seller logged in',
    detail:
      'The account that logged in is not the one this shop belongs to. Authorize again with the right account.',
  },
  // The extension itself.
  invalid_input: {
    retryable: false,
    action: 'settings',
    title: 'Check the details',
    detail: 'Some details are missing or not valid.',
  },
  not_found: {
    retryable: false,
    action: 'none',
    title: 'Not found',
    detail: 'It no longer exists; it may have been removed in another window.',
  },
  forbidden_sender: {
    retryable: false,
    action: 'none',
    title: 'Not allowed',
    detail: 'This page is not allowed to ask Seller Auth for that.',
  },
  permission_denied: {
    retryable: false,
    action: 'allow_access',
    title: 'Permission needed',
    detail:
      'Chrome has not granted the permission Seller Auth needs to reach this address. Grant it in settings.',
  },
  storage_failed: {
    retryable: true,
    action: 'retry',
    title: 'Could not save',
    detail: "The browser could not read or write Seller Auth's data. Nothing stored was lost; try again.",
  },
  // The worker was stopped (or restarted) before it answered a page: asking again wakes it.
  worker_unavailable: {
    retryable: true,
    action: 'retry',
    title: 'Seller Auth was restarting',
    detail: 'Its background service stopped before it answered. Nothing was lost: try again.',
  },
  internal: {
    retryable: false,
    action: 'none',
    title: 'Something went wrong',
    detail: 'Seller Auth hit an unexpected problem.',
  },
  // Backup files (src/backup names each fault; nothing is imported for any of them).
  backup_not_seller_auth: {
    retryable: false,
    action: 'none',
    title: 'Not a Seller Auth backup',
    detail: 'This is not a Seller Auth backup file.',
  },
  backup_newer_version: {
    retryable: false,
    action: 'none',
    title: 'Backup from a newer version',
    detail:
      'This backup was made by a newer version of Seller Auth. Update Seller Auth, then import it again.',
  },
  backup_tampered: {
    retryable: false,
    action: 'none',
    title: 'Backup damaged',
    detail:
      'This backup file is damaged, cut short, or was changed after it was saved. Nothing was imported.',
  },
  backup_wrong_passphrase: {
    retryable: false,
    action: 'none',
    title: 'Wrong passphrase',
    detail: 'The passphrase does not open this backup. Check it and try again.',
  },
  backup_invalid_contents: {
    retryable: false,
    action: 'none',
    title: 'Backup not usable',
    detail: 'This backup opened, but what it holds is not valid Seller Auth data. Nothing was imported.',
  },
  backup_passphrase_empty: {
    retryable: false,
    action: 'none',
    title: 'Passphrase needed',
    detail: 'Enter a passphrase to protect the backup.',
  },
  // The shop was moved to another browser: its tokens are used there, not here.
  grant_moved: {
    retryable: false,
    action: 'none',
    title: 'Moved to another browser',
    detail:
      'This shop was moved to another browser, which refreshes it now. Use its token there, or authorize it again here to take it back.',
  },
  // Seller tools (other extensions, allowed pages) asking through the tools API.
  tools_not_allowed: {
    retryable: false,
    action: 'none',
    title: 'Tool not allowed',
    detail: 'This tool has no access to Seller Auth. It must ask for access, and a person must approve it.',
  },
  tools_consent_refused: {
    retryable: false,
    action: 'none',
    title: 'Access refused',
    detail: 'The person did not give this tool access (the consent window was refused or closed).',
  },
  tools_consent_busy: {
    retryable: true,
    action: 'retry',
    title: 'Another request is open',
    detail: 'Seller Auth is already asking about another tool. Answer that window first, then try again.',
  },
  tools_shop_not_granted: {
    retryable: false,
    action: 'none',
    title: 'Shop not shared',
    detail: 'This shop was not shared with this tool. Ask for access to it again.',
  },
  tools_tokens_not_granted: {
    retryable: false,
    action: 'none',
    title: 'Raw tokens not allowed',
    detail: 'This tool may only make calls through Seller Auth, not read access tokens.',
  },
} satisfies Record<string, ErrorEntry>;

export type ErrorCode = keyof typeof ERROR_TABLE;

export function errorEntry(code: ErrorCode): ErrorEntry {
  return ERROR_TABLE[code];
}
