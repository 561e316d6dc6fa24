/**
 * The checks every signed IOP call passes first, in the gateway's order: required params, known app,
 * rate limit, timestamp window, signature. Token and business endpoints check their own credential
 * (code, refresh token, access token) after these.
 */
import type { IopErrorCode } from './iop-error';
import { isIopSignatureValid } from './iop-signature';
import type { RateLimiter } from './rate-limiter';
import type { RegisteredApp, SandboxConfig } from './types';

export interface SignedCallContext {
  findApp(appKey: string): RegisteredApp | undefined;
  rateLimiter: RateLimiter;
  config: Readonly<SandboxConfig>;
  now: number;
}

export type SignedCallCheck =
  | { ok: true; app: RegisteredApp; appKey: string }
  | { ok: false; code: IopErrorCode; detail?: string };

export function checkSignedCall(
  apiPath: string,
  params: ReadonlyMap<string, string>,
  context: SignedCallContext,
  options: { credentialParam: string; rateKey: (appKey: string) => string },
): SignedCallCheck {
  const { config, now } = context;
  for (const name of ['app_key', 'timestamp', 'sign', 'sign_method', options.credentialParam]) {
    if (!params.get(name)) return { ok: false, code: 'MissingParameter', detail: name };
  }
  const appKey = params.get('app_key') ?? '';
  const app = context.findApp(appKey);
  if (!app) return { ok: false, code: 'InvalidAppKey' };
  if (!context.rateLimiter.allow(options.rateKey(appKey), now, config.rateLimitPerSecond)) {
    return { ok: false, code: 'ApiCallLimit' };
  }
  const timestamp = params.get('timestamp') ?? '';
  const skewMs = /^\d{1,16}$/.test(timestamp) ? Math.abs(now - Number(timestamp)) : Number.POSITIVE_INFINITY;
  if (skewMs > config.timestampWindowSeconds * 1000) return { ok: false, code: 'InvalidTimestamp' };
  if (params.get('sign_method') !== 'sha256') {
    return { ok: false, code: 'IncompleteSignature', detail: 'unsupported sign_method' };
  }
  if (!isIopSignatureValid(apiPath, params, app.appSecret)) return { ok: false, code: 'IncompleteSignature' };
  return { ok: true, app, appKey };
}
