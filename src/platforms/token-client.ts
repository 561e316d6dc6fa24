/**
 * The signed token calls over `fetch`: one form-encoded POST each (a create bounded by a timeout, a
 * refresh never aborted once sent), every failure a named SellerAuthError. Errors never carry the secret, the code or a token: they are
 * built from our own words, status codes and sanitized platform codes only.
 */
import { SellerAuthError } from '../shared/errors';
import { TOKEN_CREATE_PATH, TOKEN_REFRESH_PATH } from './descriptors';
import { createGatewayClock, type GatewayClock } from './gateway-clock';
import { interpretRefreshReply, interpretTokenReply, type TokenHttpReply } from './token-reply';
import { signedTokenForm } from './token-request';
import type { ReplyTime } from './token-response';
import type { AppCredentials, RefreshedTokens, TokenClient, TokenGrant } from './types';

export const DEFAULT_TOKEN_TIMEOUT_MS = 15_000;
/** Sent on every signed call; the value carries nothing. */
export const CLIENT_HEADER = 'X-Seller-Auth-Client';

export interface TokenClientOptions {
  fetch?: typeof fetch;
  clock: { now(): number };
  /** The gateway's clock, learned from replies (one per worker by default). */
  gatewayClock?: GatewayClock;
  timeoutMs?: number;
  /** Starts the timeout and returns its cancel; defaults to setTimeout (a simulation passes virtual time). */
  startTimer?: StartTimer;
}

export type StartTimer = (callback: () => void, ms: number) => () => void;

const realTimer: StartTimer = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

/** Runs `task` with an abort signal; after `ms` it aborts and rejects with `timeout`, even if the task ignores the signal. */
async function withTimeout<T>(
  ms: number,
  task: (signal: AbortSignal) => Promise<T>,
  startTimer: StartTimer,
): Promise<T> {
  const controller = new AbortController();
  let cancel: (() => void) | undefined;
  const expired = new Promise<never>((_, reject) => {
    cancel = startTimer(() => {
      // Reject first, so the timeout wins the race over the abort's own rejection.
      reject(
        new SellerAuthError('timeout', `The platform did not answer within ${Math.round(ms / 1000)} s.`),
      );
      controller.abort();
    }, ms);
  });
  try {
    return await Promise.race([task(controller.signal), expired]);
  } finally {
    cancel?.();
  }
}

export function createTokenClient(options: TokenClientOptions): TokenClient {
  // Called through a wrapper: a detached `fetch` throws "Illegal invocation" in browsers.
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_TOKEN_TIMEOUT_MS;
  const startTimer = options.startTimer ?? realTimer;
  const gateway = options.gatewayClock ?? createGatewayClock(options.clock);

  async function send(url: string, form: URLSearchParams, signal?: AbortSignal): Promise<TokenHttpReply> {
    try {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
          Accept: 'application/json',
          // Not CORS-safelisted: without host access Chrome must preflight, so the body never leaves.
          [CLIENT_HEADER]: '1',
        },
        body: form.toString(),
        credentials: 'omit',
        cache: 'no-store',
        ...(signal ? { signal } : {}),
      });
      const text = await response.text();
      return {
        status: response.status,
        text,
        retryAfter: response.headers.get('Retry-After'),
        date: response.headers.get('Date'),
      };
    } catch {
      // The thrown value is dropped on purpose: nothing from the transport reaches an error message.
      throw new SellerAuthError(
        'network',
        "Could not reach the platform's token endpoint: check the connection.",
      );
    }
  }

  /**
   * One signed call, its timestamp on the gateway's clock. A reply refusing that time
   * (`InvalidTimestamp`: nothing was done) teaches the clock; the call is then signed and sent once more.
   */
  async function signedCall<T>(
    call: (timestamp: number) => Promise<TokenHttpReply>,
    interpret: (reply: TokenHttpReply, time: ReplyTime) => T,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      // Taken once: the origin of every deadline (the send time, so deadlines err early).
      const sentAt = options.clock.now();
      const reply = await call(sentAt + gateway.offsetMs);
      const learned = reply.date ? gateway.observe(reply.date, sentAt, options.clock.now()) : false;
      try {
        return interpret(reply, { now: sentAt, gatewayOffsetMs: gateway.offsetMs });
      } catch (error) {
        if (attempt > 0 || !learned || (error as SellerAuthError).code !== 'clock_skew') throw error;
      }
    }
  }

  /** A create: a code is single use and nothing rotates, so a plain abort-on-timeout is safe. */
  function create(app: AppCredentials, grant: { code: string }): Promise<TokenGrant> {
    // Key, secret and endpoints were checked when the app was saved (their types say so): trusted here.
    const url = app.endpoints.tokenCreateUrl;
    return signedCall(
      async (timestamp) => {
        const form = await signedTokenForm(app, TOKEN_CREATE_PATH, grant, timestamp);
        return withTimeout(timeoutMs, (signal) => send(url, form, signal), startTimer);
      },
      (reply, time) => interpretTokenReply(reply, { ...time, platform: app.platform }),
    );
  }

  /**
   * A refresh is never aborted: once it left, the platform may have rotated, and only its answer holds
   * the live pair. The caller bounds its own waiting (refresh-grant) and applies a late answer.
   */
  function refresh(app: AppCredentials, refreshToken: string): Promise<RefreshedTokens> {
    const url = app.endpoints.tokenRefreshUrl;
    return signedCall(
      async (timestamp) =>
        send(url, await signedTokenForm(app, TOKEN_REFRESH_PATH, { refresh_token: refreshToken }, timestamp)),
      interpretRefreshReply,
    );
  }

  return {
    gatewayOffsetMs: () => gateway.offsetMs,
    create(app, code) {
      if (code.trim() === '') {
        return Promise.reject(
          new SellerAuthError('missing_code', 'There is no authorization code to exchange.'),
        );
      }
      return create(app, { code });
    },
    refresh(app, refreshToken) {
      if (refreshToken.trim() === '') {
        return Promise.reject(
          new SellerAuthError(
            'refresh_unsupported',
            'This grant has no refresh token: the seller must authorize again.',
          ),
        );
      }
      return refresh(app, refreshToken);
    },
  };
}
