/**
 * `/rest/auth/token/create` and `/rest/auth/token/refresh`, checked in the gateway's order: required
 * params, known app, rate limit, timestamp window, signature, then the code or refresh token itself.
 */
import type { GrantLedger } from './grant-ledger';
import { type IopErrorCode, iopErrorBody } from './iop-error';
import { isIopSignatureValid } from './iop-signature';
import type { RateLimiter } from './rate-limiter';
import { tokenResponseBody } from './token-response';
import type { RegisteredApp, SandboxConfig } from './types';

export type TokenOperation = 'create' | 'refresh';

/** The API path each call is signed with (docs/protocol.md#signing, step 4). */
export const TOKEN_API_PATHS: Record<TokenOperation, string> = {
  create: '/auth/token/create',
  refresh: '/auth/token/refresh',
};

const CREDENTIAL_PARAM: Record<TokenOperation, string> = { create: 'code', refresh: 'refresh_token' };

export interface TokenCallContext {
  findApp(appKey: string): RegisteredApp | undefined;
  ledger: GrantLedger;
  rateLimiter: RateLimiter;
  config: Readonly<SandboxConfig>;
  now: number;
  requestId: string;
}

export interface TokenAnswer {
  body: Record<string, unknown>;
  /** `0` on success, else the platform error code. */
  outcome: '0' | IopErrorCode;
}

export function answerTokenCall(
  operation: TokenOperation,
  params: ReadonlyMap<string, string>,
  context: TokenCallContext,
): TokenAnswer {
  const { config, now, requestId } = context;
  const fail = (code: IopErrorCode, detail?: string): TokenAnswer => ({
    body: { ...iopErrorBody(code, requestId, detail) },
    outcome: code,
  });

  const credentialParam = CREDENTIAL_PARAM[operation];
  for (const name of ['app_key', 'timestamp', 'sign', 'sign_method', credentialParam]) {
    if (!params.get(name)) return fail('MissingParameter', name);
  }
  const appKey = params.get('app_key') ?? '';
  const credential = params.get(credentialParam) ?? '';

  const app = context.findApp(appKey);
  if (!app) return fail('InvalidAppKey');
  if (!context.rateLimiter.allow(appKey, now, config.rateLimitPerSecond)) return fail('ApiCallLimit');

  const timestamp = params.get('timestamp') ?? '';
  const skewMs = /^\d{1,16}$/.test(timestamp) ? Math.abs(now - Number(timestamp)) : Number.POSITIVE_INFINITY;
  if (skewMs > config.timestampWindowSeconds * 1000) return fail('InvalidTimestamp');

  if (params.get('sign_method') !== 'sha256') return fail('IncompleteSignature', 'unsupported sign_method');
  if (!isIopSignatureValid(TOKEN_API_PATHS[operation], params, app.appSecret)) {
    return fail('IncompleteSignature');
  }

  // The app's own lifetimes (its status on the platform) win over the sandbox-wide ones.
  const lifetimes = { ...config, ...app.lifetimes };
  const result =
    operation === 'create'
      ? context.ledger.redeemCode(credential, appKey, now, lifetimes)
      : context.ledger.refresh(credential, appKey, now, lifetimes);
  if (!result.ok) return fail(result.code);
  return { body: tokenResponseBody(result.grant, now, config, requestId), outcome: '0' };
}
