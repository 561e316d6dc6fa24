/** What an HTTP answer from a token endpoint means: a grant, or exactly one named error. */
import { SellerAuthError } from '../shared/errors';
import type { PlatformId } from '../shared/platform';
import { platformErrorFromBody } from './platform-error';
import { parseRefreshResponse, parseTokenResponse, type ReplyTime } from './token-response';
import type { RefreshedTokens, TokenGrant } from './types';

export interface TokenHttpReply {
  status: number;
  /** The body as text, whatever the status: error bodies arrive with 200, 400 and 5xx alike. */
  text: string;
  /** The `Retry-After` header, if any. */
  retryAfter?: string | null;
  /** The `Date` header, if any: the gateway's clock (see gateway-clock.ts). */
  date?: string | null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

function retryAfterMs(header: string | null | undefined): number | undefined {
  const seconds = header && /^\s*\d+\s*$/.test(header) ? Number(header) : undefined;
  return seconds === undefined ? undefined : seconds * 1000;
}

/**
 * Order matters: a recognizable platform error wins at any status; then HTTP trouble (429, 5xx);
 * then the body must be JSON; then a 2xx JSON body must be a token response.
 * `now` is when the request was sent, so deadlines err on the early side.
 */
export function interpretTokenReply(
  reply: TokenHttpReply,
  ctx: ReplyTime & { platform: PlatformId },
): TokenGrant {
  return parseTokenResponse(tokenReplyBody(reply), ctx);
}

/** The same checks for a refresh, whose reply is read leniently (see parseRefreshResponse). */
export function interpretRefreshReply(reply: TokenHttpReply, ctx: ReplyTime): RefreshedTokens {
  return parseRefreshResponse(tokenReplyBody(reply), ctx);
}

/** The JSON body of a reply that is not an error of any kind; throws the named error otherwise. */
function tokenReplyBody(reply: TokenHttpReply): unknown {
  const httpStatus = reply.status;
  const body = parseJson(reply.text);
  const platformError = body === undefined ? undefined : platformErrorFromBody(body, httpStatus);
  if (platformError) throw platformError;

  if (httpStatus === 429) {
    const wait = retryAfterMs(reply.retryAfter);
    throw new SellerAuthError(
      'rate_limited',
      'The platform is limiting calls from this app for now (HTTP 429); Seller Auth will try again later.',
      wait === undefined ? { httpStatus } : { httpStatus, retryAfterMs: wait },
    );
  }
  if (httpStatus >= 500) {
    throw new SellerAuthError(
      'upstream_unavailable',
      `The platform is unavailable right now (HTTP ${httpStatus}); Seller Auth will try again.`,
      { httpStatus },
    );
  }
  if (body === undefined) {
    throw new SellerAuthError(
      'malformed_response',
      `The platform answered with something that is not JSON (HTTP ${httpStatus}): check the token URL.`,
      { httpStatus },
    );
  }
  if (httpStatus < 200 || httpStatus >= 300) {
    throw new SellerAuthError(
      'platform_error',
      `The platform refused the request (HTTP ${httpStatus}) without saying why: check the token URL.`,
      { httpStatus },
    );
  }
  return body;
}
