/**
 * Business API calls over `fetch`, for the tools proxy: one signed form POST each, bounded by a
 * timeout, every failure a named SellerAuthError built from our words, status codes and sanitized
 * platform codes (never the token, never the secret). A success answers the platform's JSON as is.
 */
import { SellerAuthError } from '../shared/errors';
import type { ApiGateway } from './api-hosts';
import { signedApiRequest } from './api-request';
import { platformErrorFromBody } from './platform-error';
import { CLIENT_HEADER, type StartTimer } from './token-client';
import type { AppCredentials } from './types';

export const DEFAULT_API_TIMEOUT_MS = 20_000;

export interface ApiCall {
  gateway: ApiGateway;
  accessToken: string;
  apiPath: string;
  params: Readonly<Record<string, string>>;
}

export interface ApiClient {
  call(app: AppCredentials, call: ApiCall): Promise<unknown>;
}

export interface ApiClientOptions {
  fetch?: typeof fetch;
  clock: { now(): number };
  timeoutMs?: number;
  startTimer?: StartTimer;
}

const realTimer: StartTimer = (callback, ms) => {
  const timer = setTimeout(callback, ms);
  return () => clearTimeout(timer);
};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}

/** The platform's JSON, or the one named error the answer means. */
export function interpretApiReply(status: number, text: string): unknown {
  const body = parseJson(text);
  const platformError = body === undefined ? undefined : platformErrorFromBody(body, status);
  if (platformError) throw platformError;
  if (status === 429) {
    throw new SellerAuthError('rate_limited', 'The platform is limiting calls from this app (HTTP 429).', {
      httpStatus: status,
    });
  }
  if (status >= 500) {
    throw new SellerAuthError(
      'upstream_unavailable',
      `The platform is unavailable right now (HTTP ${status}).`,
      { httpStatus: status },
    );
  }
  if (body === undefined) {
    throw new SellerAuthError(
      'malformed_response',
      `The platform answered with something that is not JSON (HTTP ${status}).`,
      { httpStatus: status },
    );
  }
  if (status < 200 || status >= 300) {
    throw new SellerAuthError('platform_error', `The platform refused the call (HTTP ${status}).`, {
      httpStatus: status,
    });
  }
  return body;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const fetchImpl: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const timeoutMs = options.timeoutMs ?? DEFAULT_API_TIMEOUT_MS;
  const startTimer = options.startTimer ?? realTimer;

  return {
    async call(app, call) {
      const request = await signedApiRequest(app, call.gateway, { ...call, timestamp: options.clock.now() });
      const controller = new AbortController();
      let timedOut = false;
      const cancel = startTimer(() => {
        timedOut = true;
        controller.abort();
      }, timeoutMs);
      let status: number;
      let text: string;
      try {
        const response = await fetchImpl(request.url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8',
            Accept: 'application/json',
            [CLIENT_HEADER]: '1',
          },
          body: request.form.toString(),
          credentials: 'omit',
          cache: 'no-store',
          signal: controller.signal,
        });
        status = response.status;
        text = await response.text();
      } catch {
        // The thrown value is dropped on purpose: nothing from the transport reaches an error message.
        if (timedOut) {
          throw new SellerAuthError(
            'timeout',
            `The platform did not answer within ${Math.round(timeoutMs / 1000)} s.`,
          );
        }
        throw new SellerAuthError('network', "Could not reach the platform's API: check the connection.");
      } finally {
        cancel();
      }
      return interpretApiReply(status, text);
    },
  };
}
