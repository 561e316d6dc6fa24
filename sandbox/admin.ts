/**
 * `/__admin/` for tools outside the process: a thin JSON translation of the in-process API.
 *   GET  log              {entries}          POST log/clear
 *   GET  config                              POST config        {accessTtlSeconds?, ...}
 *   GET  faults                              POST faults        {endpoint, latencyMs?, fail?, afterProcessing?}
 *                                                               {endpoint, failNext: n, kind}
 *                                                               {endpoint, afterProcessingNext: n, afterProcessing}
 *                                                               {clear: true}
 *   afterProcessing: {mode: "drop"} or {mode: "delay_ms", delayMs: n} (token endpoints only)
 *   POST reset                               POST expire-code   {code}
 *   POST revoke-access-token {accessToken}
 */
import { parseConfigChange, SandboxInputError } from './config';
import { checkAfterProcessing, isFaultKind, isSandboxEndpoint } from './faults';
import { parseJsonBody } from './http-io';
import type { FaultKind, Sandbox } from './types';

export type AdminApi = Pick<
  Sandbox,
  | 'log'
  | 'clearLog'
  | 'config'
  | 'configure'
  | 'faults'
  | 'setFaults'
  | 'failNext'
  | 'afterProcessingNext'
  | 'clearFaults'
  | 'reset'
  | 'expireCode'
  | 'revokeAccessToken'
>;

export interface AdminAnswer {
  status: number;
  value: unknown;
}

function asRecord(value: unknown): Record<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    return value as Record<string, unknown>;
  throw new SandboxInputError('body must be a JSON object');
}

function changeFaults(body: Record<string, unknown>, api: AdminApi): void {
  if (body.clear === true) {
    api.clearFaults();
    return;
  }
  const endpoint = body.endpoint;
  if (!isSandboxEndpoint(endpoint))
    throw new SandboxInputError('endpoint must be authorize, token.create, token.refresh or api');
  if (body.failNext !== undefined) {
    if (typeof body.failNext !== 'number') throw new SandboxInputError('failNext must be a number');
    if (!isFaultKind(body.kind)) throw new SandboxInputError('kind must be a fault kind');
    api.failNext(endpoint, body.failNext, body.kind);
    return;
  }
  if (body.afterProcessingNext !== undefined) {
    if (typeof body.afterProcessingNext !== 'number')
      throw new SandboxInputError('afterProcessingNext must be a number');
    if (endpoint === 'authorize' || endpoint === 'api')
      throw new SandboxInputError('a lost answer needs a token endpoint');
    api.afterProcessingNext(endpoint, body.afterProcessingNext, checkAfterProcessing(body.afterProcessing));
    return;
  }
  if (body.latencyMs !== undefined && typeof body.latencyMs !== 'number') {
    throw new SandboxInputError('latencyMs must be a number');
  }
  if (body.fail !== undefined && !isFaultKind(body.fail))
    throw new SandboxInputError('fail must be a fault kind');
  api.setFaults(endpoint, {
    latencyMs: body.latencyMs as number | undefined,
    fail: body.fail as FaultKind | undefined,
    afterProcessing:
      body.afterProcessing === undefined ? undefined : checkAfterProcessing(body.afterProcessing),
  });
}

function route(method: string, path: string, body: string, api: AdminApi): AdminAnswer {
  const ok = (value: unknown = { ok: true }): AdminAnswer => ({ status: 200, value });
  const key = `${method} ${path}`;
  switch (key) {
    case 'GET log':
      return ok({ entries: api.log });
    case 'POST log/clear':
      api.clearLog();
      return ok();
    case 'GET config':
      return ok(api.config);
    case 'POST config':
      return ok(api.configure(parseConfigChange(parseJsonBody(body))));
    case 'GET faults':
      return ok(api.faults);
    case 'POST faults':
      changeFaults(asRecord(parseJsonBody(body)), api);
      return ok(api.faults);
    case 'POST reset':
      api.reset();
      return ok();
    case 'POST expire-code': {
      const code = asRecord(parseJsonBody(body)).code;
      if (typeof code !== 'string') throw new SandboxInputError('code must be a string');
      return ok({ expired: api.expireCode(code) });
    }
    case 'POST revoke-access-token': {
      const accessToken = asRecord(parseJsonBody(body)).accessToken;
      if (typeof accessToken !== 'string') throw new SandboxInputError('accessToken must be a string');
      return ok({ revoked: api.revokeAccessToken(accessToken) });
    }
    default:
      return { status: 404, value: { error: `no admin route ${key}` } };
  }
}

/** Bad input answers 400 with the reason; nothing is changed by a rejected request. */
export function answerAdmin(method: string, path: string, body: string, api: AdminApi): AdminAnswer {
  try {
    return route(method, path, body, api);
  } catch (error) {
    if (error instanceof SandboxInputError) return { status: 400, value: { error: error.message } };
    throw error;
  }
}
