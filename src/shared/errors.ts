/**
 * One error class with a closed set of codes (the table in error-table.ts). Every failure in Seller
 * Auth ends up as one of these, so pages can look up words and the next action by `code`. Messages
 * never carry a secret or a token: build them from codes and public identifiers only.
 */

import { ERROR_TABLE, type ErrorCode, errorEntry, type NextAction } from './error-table';

export type { ErrorCode, NextAction };
export const ERROR_CODES = Object.keys(ERROR_TABLE) as ErrorCode[];

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(ERROR_TABLE, value);
}

export function isRetryable(code: ErrorCode): boolean {
  return errorEntry(code).retryable;
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
  /** The host pattern a `permission_denied` lacks (`https://auth.lazada.com/*`): "Allow access" asks for it. */
  origin?: string;
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

/** The one next step a person can take for each code. */
export function nextActionFor(code: ErrorCode): NextAction {
  return errorEntry(code).action;
}
