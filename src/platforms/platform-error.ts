/**
 * The platform's error answers, turned into our closed set of codes. Messages are OUR words plus
 * the platform's code: platform text is only ever shown sanitized, since it may echo a token.
 */
import { type ErrorCode, type ErrorDetails, SellerAuthError } from '../shared/errors';
import { asRecord, readId, readString } from './json-fields';
import { sanitizeCode, sanitizeText } from './sanitize';

interface Meaning {
  code: ErrorCode;
  words: string;
}

const RATE_LIMITED: Meaning = {
  code: 'rate_limited',
  words: 'The platform is limiting calls from this app for now; Seller Auth will try again later.',
};
const APP_REJECTED: Meaning = {
  code: 'app_rejected',
  words:
    "The platform refused this app (app key, IP whitelist or API access): check the app's settings in the platform console.",
};
const SIGNATURE_REJECTED: Meaning = {
  code: 'signature_rejected',
  words: 'The platform rejected the request signature: check the app secret.',
};

const KNOWN_CODES: Record<string, Meaning> = {
  ApiCallLimit: RATE_LIMITED,
  AppCallLimit: RATE_LIMITED,
  ServiceTimeout: {
    code: 'service_timeout',
    words: 'The platform timed out while answering; Seller Auth will try again.',
  },
  InvalidTimestamp: {
    code: 'clock_skew',
    words: "The platform refused the request's time: this computer's clock is more than 2 hours off.",
  },
  InvalidCode: {
    code: 'invalid_code',
    words:
      'The platform refused the authorization code (already used, older than 30 minutes, or issued to another app). Authorize again.',
  },
  IllegalRefreshToken: {
    code: 'refresh_token_invalid',
    words:
      'The platform refused the refresh token: it is invalid or expired. The seller must authorize again.',
  },
  AUTH_TYPE_UNSUPPORTED: {
    code: 'refresh_unsupported',
    words: 'This app cannot refresh its tokens: the seller must authorize again before the token expires.',
  },
  IllegalAccessToken: {
    code: 'access_token_invalid',
    words: 'The platform refused the access token: it is invalid or expired.',
  },
  IncompleteSignature: SIGNATURE_REJECTED,
  InvalidSignature: SIGNATURE_REJECTED,
  MissingParameter: {
    code: 'missing_parameter',
    words: 'The platform says a required parameter is missing from the request.',
  },
  InvalidAppKey: APP_REJECTED,
  AppWhiteIpLimit: APP_REJECTED,
  InvalidApiPath: APP_REJECTED,
};

/**
 * Codes are matched loosely: case, `_`/`-` and an `isv.`-style prefix are ignored, so
 * `AUTH_TYPE_UNSUPPORTED`, `isv.missing-parameter` and `MissingParameter` all match.
 */
function normalizeCode(code: string): string {
  const lastSegment = code.slice(code.lastIndexOf('.') + 1);
  return lastSegment.replace(/[-_\s]/g, '').toLowerCase();
}

const MEANINGS: ReadonlyMap<string, Meaning> = new Map(
  Object.entries(KNOWN_CODES).map(([code, meaning]) => [normalizeCode(code), meaning]),
);

function meaningOf(platformCode: string): Meaning | undefined {
  return MEANINGS.get(normalizeCode(platformCode));
}

const BAN_SECONDS = /ban will last\s+(\d+(?:\.\d+)?)\s*s/i;
const PLATFORM_TEXT_MAX_LENGTH = 160;

export function classifyPlatformError(
  platformCode: string,
  message: string | undefined,
  meta: { httpStatus?: number; requestId?: string },
): SellerAuthError {
  const code = sanitizeCode(platformCode);
  const details: ErrorDetails = { platformCode: code };
  if (meta.httpStatus !== undefined) details.httpStatus = meta.httpStatus;
  if (meta.requestId !== undefined) details.requestId = sanitizeCode(meta.requestId);

  const meaning = meaningOf(platformCode);
  if (!meaning) {
    // Unknown to us: the platform's own words may help whoever reads the log, once made safe.
    const text = message ? sanitizeText(message, PLATFORM_TEXT_MAX_LENGTH) : '';
    return new SellerAuthError(
      'platform_error',
      `The platform returned an error [${code}]${text ? `: ${text}` : '.'}`,
      details,
    );
  }
  if (meaning.code === 'rate_limited') {
    const seconds = message ? BAN_SECONDS.exec(message)?.[1] : undefined;
    if (seconds !== undefined) details.retryAfterMs = Math.ceil(Number(seconds) * 1000);
  }
  return new SellerAuthError(meaning.code, `${meaning.words} [${code}]`, details);
}

/**
 * The error carried by a response body, or undefined when the body is not an error. Recognizes the
 * IOP shape `{code, message, type, request_id}` (success is `code == "0"` or no code) and the
 * AliExpress `/sync` shape `{error_response: {code, msg, sub_code?, request_id}}`.
 */
export function platformErrorFromBody(body: unknown, httpStatus: number): SellerAuthError | undefined {
  const meta = { httpStatus };
  const record = asRecord(body);
  if (!record) return undefined;

  const wrapped = asRecord(record.error_response);
  if (wrapped) {
    const code = readId(wrapped, 'code');
    const subCode = readId(wrapped, 'sub_code');
    // Older gateways put a number in `code` and the name in `sub_code`: classify by whichever we know.
    const platformCode =
      [code, subCode].find((candidate) => candidate && meaningOf(candidate)) ?? code ?? subCode;
    return classifyPlatformError(
      platformCode ?? 'unknown',
      readString(wrapped, 'msg') ?? readString(wrapped, 'sub_msg'),
      {
        ...meta,
        requestId: readId(wrapped, 'request_id') ?? readId(record, 'request_id'),
      },
    );
  }

  const code = readId(record, 'code');
  if (code === undefined || code === '0') return undefined;
  return classifyPlatformError(code, readString(record, 'message') ?? readString(record, 'msg'), {
    ...meta,
    requestId: readId(record, 'request_id'),
  });
}
