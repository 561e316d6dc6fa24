/**
 * `/rest/auth/token/create` and `/rest/auth/token/refresh`, checked in the gateway's order: required
 * params, known app, rate limit, timestamp window, signature, then the code or refresh token itself.
 */
import type { GrantLedger } from './grant-ledger';
import { type IopErrorCode, iopErrorBody } from './iop-error';
import type { RateLimiter } from './rate-limiter';
import { checkSignedCall } from './signed-call';
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
  const checked = checkSignedCall(TOKEN_API_PATHS[operation], params, context, {
    credentialParam,
    rateKey: (appKey) => appKey,
  });
  if (!checked.ok) return fail(checked.code, checked.detail);
  const { app, appKey } = checked;
  const credential = params.get(credentialParam) ?? '';

  // The app's own lifetimes (its status on the platform) win over the sandbox-wide ones.
  const lifetimes = { ...config, ...app.lifetimes };
  const result =
    operation === 'create'
      ? context.ledger.redeemCode(credential, appKey, now, lifetimes)
      : context.ledger.refresh(credential, appKey, now, lifetimes);
  if (!result.ok) return fail(result.code);
  return { body: tokenResponseBody(result.grant, now, config, requestId), outcome: '0' };
}
