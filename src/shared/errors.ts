/**
 * One error class with a closed set of codes. Every failure in Seller Auth ends up as one of these,
 * so pages can switch on `code` to pick words and the next action. Messages never carry a secret or
 * a token: build them from codes and public identifiers only.
 */

const RETRYABLE = {
  // Transport and upstream hiccups: try again later, never mark a grant dead for these.
  network: true,
  timeout: true,
  malformed_response: true,
  upstream_unavailable: true,
  rate_limited: true,
  service_timeout: true,
  // The platform refused our timestamp: this computer's clock is off; fixing it fixes the next try.
  clock_skew: true,
  // Platform answers that retrying cannot fix.
  invalid_code: false,
  refresh_token_invalid: false,
  refresh_unsupported: false,
  refresh_deadline_passed: false,
  access_token_invalid: false,
  signature_rejected: false,
  missing_parameter: false,
  app_rejected: false,
  platform_error: false,
  // The seller's login in the browser.
  state_mismatch: false,
  authorization_denied: false,
  missing_code: false,
  not_our_callback: false,
  login_cancelled: false,
  auth_flow_busy: true,
  auth_page_failed: true,
  attempt_expired: false,
  account_mismatch: false,
  // The extension itself.
  invalid_input: false,
  not_found: false,
  forbidden_sender: false,
  permission_denied: false,
  storage_failed: true,
  // The worker was stopped (or restarted) before it answered a page: asking again wakes it.
  worker_unavailable: true,
  internal: false,
} as const satisfies Record<string, boolean>;

export type ErrorCode = keyof typeof RETRYABLE;
export const ERROR_CODES = Object.keys(RETRYABLE) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(RETRYABLE, value);
}

export function isRetryable(code: ErrorCode): boolean {
  return RETRYABLE[code];
}

/** What crosses between contexts: plain data, structured-clone safe. */
export interface ErrorData {
  code: ErrorCode;
  message: string;
  retryable: boolean;
  /** The platform's own error code (`IllegalRefreshToken`...), when the platform gave one. */
  platformCode?: string;
  requestId?: string;
  httpStatus?: number;
  /** A hint from the platform ("this ban will last 1 seconds"). */
  retryAfterMs?: number;
  /** Which form field an `invalid_input` is about, for inline messages. */
  field?: string;
}

export type ErrorDetails = Omit<ErrorData, 'code' | 'message' | 'retryable'>;

export class SellerAuthError extends Error {
  override readonly name = 'SellerAuthError';
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}, options?: ErrorOptions) {
    super(message, options);
    this.code = code;
    this.retryable = isRetryable(code);
    this.details = details;
  }

  toData(): ErrorData {
    return { code: this.code, message: this.message, retryable: this.retryable, ...this.details };
  }

  static fromData(data: ErrorData): SellerAuthError {
    const { code, message, retryable: _retryable, ...details } = data;
    return new SellerAuthError(code, message, details);
  }
}

/** Anything thrown becomes ErrorData; unknown throwables become `internal` without their text. */
export function toErrorData(error: unknown): ErrorData {
  if (error instanceof SellerAuthError) return error.toData();
  return { code: 'internal', message: 'Something went wrong inside Seller Auth.', retryable: false };
}

/** The one next step a person can take, chosen by the UI for each code. */
export type NextAction = 'retry' | 'reauthorize' | 'settings' | 'none';

const REAUTHORIZE: ReadonlySet<ErrorCode> = new Set([
  'invalid_code',
  'refresh_token_invalid',
  'refresh_unsupported',
  'refresh_deadline_passed',
  'access_token_invalid',
  'state_mismatch',
  'authorization_denied',
  'missing_code',
  'login_cancelled',
  'attempt_expired',
  'account_mismatch',
]);
const SETTINGS: ReadonlySet<ErrorCode> = new Set([
  'signature_rejected',
  'missing_parameter',
  'app_rejected',
  'not_our_callback',
  'permission_denied',
  'invalid_input',
]);

export function nextActionFor(code: ErrorCode): NextAction {
  if (REAUTHORIZE.has(code)) return 'reauthorize';
  if (SETTINGS.has(code)) return 'settings';
  return isRetryable(code) ? 'retry' : 'none';
}
