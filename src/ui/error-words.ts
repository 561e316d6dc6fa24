/**
 * Human words for every error code, and the one next step to offer. The switch is exhaustive: a new
 * ErrorCode fails the type check here until someone writes its words.
 */
import { type ErrorCode, type ErrorData, type NextAction, nextActionFor } from '../shared/errors';

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
  none: undefined,
};

function words(code: ErrorCode, error: ErrorData): { title: string; detail: string } {
  switch (code) {
    case 'network':
      return {
        title: 'No connection',
        detail: 'Seller Auth could not reach the platform. Check the internet connection.',
      };
    case 'timeout':
      return {
        title: 'The platform took too long',
        detail: 'The request timed out before the platform answered.',
      };
    case 'malformed_response':
      return {
        title: 'Unexpected answer from the platform',
        detail: 'The platform sent a reply Seller Auth could not read. This is usually temporary.',
      };
    case 'upstream_unavailable':
      return {
        title: 'The platform is unavailable',
        detail: "The platform's servers are not answering right now.",
      };
    case 'rate_limited':
      return { title: 'Too many requests', detail: rateLimitDetail(error.retryAfterMs) };
    case 'service_timeout':
      return {
        title: 'The platform timed out',
        detail: "The platform's own service timed out. This is usually temporary.",
      };
    case 'invalid_code':
      return {
        title: 'The login expired',
        detail:
          'The authorization code was already used or is older than 30 minutes. Connect the shop again.',
      };
    case 'refresh_token_invalid':
      return {
        title: 'Authorization ended',
        detail: "The platform no longer accepts this shop's authorization. The seller must authorize again.",
      };
    case 'refresh_unsupported':
      return {
        title: 'Cannot renew automatically',
        detail:
          "This app's authorizations cannot be refreshed. The seller must authorize again before the deadline.",
      };
    case 'refresh_deadline_passed':
      return {
        title: 'Authorization deadline passed',
        detail: 'The date to authorize again has passed. The seller must log in and authorize again.',
      };
    case 'access_token_invalid':
      return {
        title: 'Access token rejected',
        detail: 'The platform rejected the access token. Authorize the shop again.',
      };
    case 'clock_skew':
      return {
        title: 'Computer clock is off',
        detail:
          "The platform refuses requests when this computer's clock is more than 2 hours off. Set the date and time correctly, then try again.",
      };
    case 'signature_rejected':
      return {
        title: 'App secret rejected',
        detail: 'The platform rejected the request signature. Check the app key and app secret in settings.',
      };
    case 'missing_parameter':
      return {
        title: 'Request incomplete',
        detail: 'The platform says a required value is missing. Check the app settings.',
      };
    case 'app_rejected':
      return {
        title: 'App not accepted',
        detail:
          "The platform did not accept the app (app key, IP whitelist or call limit). Check the app settings and the platform's console.",
      };
    case 'platform_error':
      return {
        title: 'The platform refused the request',
        detail: 'The platform reported an error it did not explain.',
      };
    case 'state_mismatch':
      return {
        title: 'Login could not be verified',
        detail:
          'The answer from the login did not match this attempt, so it was ignored for safety. Connect again.',
      };
    case 'authorization_denied':
      return { title: 'Access was not granted', detail: 'The seller did not approve access for the app.' };
    case 'missing_code':
      return {
        title: 'Login returned no code',
        detail: 'The platform came back without an authorization code. Connect again.',
      };
    case 'not_our_callback':
      return {
        title: 'Callback URL mismatch',
        detail:
          "The login ended on a different address than the app's callback URL. Check the callback URL in settings.",
      };
    case 'login_cancelled':
      return { title: 'Login cancelled', detail: 'The login window was closed before the seller finished.' };
    case 'auth_flow_busy':
      return {
        title: 'Another login is open',
        detail: 'Finish or close the other login window, then try again.',
      };
    case 'auth_page_failed':
      return {
        title: 'Login page did not load',
        detail: "The platform's login page could not be opened. Check the connection and try again.",
      };
    case 'attempt_expired':
      return {
        title: 'Login took too long',
        detail: 'The login attempt expired before it finished. Connect again.',
      };
    case 'account_mismatch':
      return {
        title: 'A different seller logged in',
        detail:
          'The account that logged in is not the one this shop belongs to. Authorize again with the right account.',
      };
    case 'invalid_input':
      return {
        title: 'Check the details',
        detail: error.message || 'Some details are missing or not valid.',
      };
    case 'not_found':
      return {
        title: 'Not found',
        detail: 'It no longer exists; it may have been removed in another window.',
      };
    case 'forbidden_sender':
      return { title: 'Not allowed', detail: 'This page is not allowed to ask Seller Auth for that.' };
    case 'permission_denied':
      return {
        title: 'Permission needed',
        detail:
          'Chrome has not granted the permission Seller Auth needs to reach this address. Grant it in settings.',
      };
    case 'storage_failed':
      return {
        title: 'Could not save',
        detail: "The browser could not read or write Seller Auth's data. Nothing stored was lost; try again.",
      };
    case 'worker_unavailable':
      return {
        title: 'Seller Auth was restarting',
        detail: 'Its background service stopped before it answered. Nothing was lost: try again.',
      };
    case 'internal':
      return {
        title: 'Something went wrong',
        detail: error.message || 'Seller Auth hit an unexpected problem.',
      };
    default:
      return unreachable(code);
  }
}

function rateLimitDetail(retryAfterMs: number | undefined): string {
  if (!retryAfterMs || retryAfterMs <= 0)
    return 'The platform asked Seller Auth to slow down. Try again shortly.';
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `The platform asked Seller Auth to slow down. Try again in ${seconds} second${seconds === 1 ? '' : 's'}.`;
}

function unreachable(code: never): never {
  throw new Error(`No words for error code ${String(code)}`);
}

export function describeError(error: ErrorData): ErrorWords {
  const action = nextActionFor(error.code);
  const label = ACTION_LABELS[action];
  return { ...words(error.code, error), action, ...(label ? { actionLabel: label } : {}) };
}
