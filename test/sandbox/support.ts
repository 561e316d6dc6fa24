/** Test helpers that drive the sandbox over real HTTP, the way a client (or a browser) would. */
import { afterEach } from 'vitest';
import { DEMO_PASSWORD, iopSign, type Sandbox, type SandboxOptions, startSandbox } from '../../sandbox/index';
import type { Country } from '../../src/shared/platform';

/** A clock the sandbox reads; tests move it instead of waiting. */
export interface TestClock {
  now: number;
  advance(ms: number): void;
}

export function testClock(start = Date.now()): TestClock {
  const clock = {
    now: start,
    advance(ms: number) {
      clock.now += ms;
    },
  };
  return clock;
}

const running: Sandbox[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
});

export type TokenCaller = (operation: TokenOperation, options: TokenCallOptions) => Promise<TokenAnswer>;

/**
 * A sandbox on a free port with a test clock, closed after the test, and `call`: a signed token call
 * timestamped with the same clock (so moving the clock never trips the timestamp window by accident).
 */
export async function sandboxWithClock(
  options: SandboxOptions = {},
): Promise<{ sandbox: Sandbox; clock: TestClock; call: TokenCaller }> {
  const clock = testClock();
  const sandbox = await startSandbox({ now: () => clock.now, ...options });
  running.push(sandbox);
  const call: TokenCaller = (operation, callOptions) =>
    tokenCall(sandbox, operation, { timestamp: clock.now, ...callOptions });
  return { sandbox, clock, call };
}

export type TokenOperation = 'create' | 'refresh';

export interface TokenCallOptions {
  appKey: string;
  /** The secret to sign with (defaults to the registered one). */
  secret?: string;
  /** `code` for create, `refresh_token` for refresh. */
  credential: string;
  /** Epoch ms (defaults to the real time; `sandboxWithClock`'s `call` uses its clock). */
  timestamp?: number | string;
  signMethod?: string;
  /** Extra params sent and signed. */
  extra?: Record<string, string>;
  /** Params sent but not signed. */
  addAfterSigning?: Record<string, string>;
  /** Params left out of the request (after signing). */
  omit?: string[];
  /** Replaces the computed signature. */
  sign?: (computed: string) => string;
  /** Sign with this API path instead of the operation's. */
  signPath?: string;
  /** Send the params in the query string instead of a form body. */
  inQuery?: boolean;
  signal?: AbortSignal;
}

export interface TokenAnswer {
  status: number;
  contentType: string;
  text: string;
  /** Parsed JSON body (throws for a non-JSON answer). */
  json(): Record<string, unknown>;
}

const API_PATHS: Record<TokenOperation, string> = {
  create: '/auth/token/create',
  refresh: '/auth/token/refresh',
};

/** A signed token call built the way docs/protocol.md#signing says, with knobs to break it. */
export function signedParams(sandbox: Sandbox, operation: TokenOperation, options: TokenCallOptions) {
  const secret =
    options.secret ?? sandbox.apps.find((app) => app.appKey === options.appKey)?.appSecret ?? 'none';
  const params = new Map<string, string>([
    ['app_key', options.appKey],
    ['timestamp', String(options.timestamp ?? Date.now())],
    ['sign_method', options.signMethod ?? 'sha256'],
    [operation === 'create' ? 'code' : 'refresh_token', options.credential],
    ...Object.entries(options.extra ?? {}),
  ]);
  const computed = iopSign(options.signPath ?? API_PATHS[operation], params, secret);
  params.set('sign', options.sign ? options.sign(computed) : computed);
  for (const name of options.omit ?? []) params.delete(name);
  for (const [name, value] of Object.entries(options.addAfterSigning ?? {})) params.set(name, value);
  return new URLSearchParams([...params]);
}

export async function tokenCall(
  sandbox: Sandbox,
  operation: TokenOperation,
  options: TokenCallOptions,
): Promise<TokenAnswer> {
  const endpoint =
    operation === 'create' ? sandbox.endpoints.tokenCreateUrl : sandbox.endpoints.tokenRefreshUrl;
  const params = signedParams(sandbox, operation, options);
  const response = options.inQuery
    ? await fetch(`${endpoint}?${params}`, { method: 'POST', signal: options.signal })
    : await fetch(endpoint, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: params,
        signal: options.signal,
      });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text,
    json: () => JSON.parse(text) as Record<string, unknown>,
  };
}

export function authorizeUrl(sandbox: Sandbox, params: Record<string, string>): string {
  return `${sandbox.endpoints.authorizeUrl}?${new URLSearchParams(params)}`;
}

export interface LoginOptions {
  appKey: string;
  redirectUri?: string;
  state?: string;
  /** The `country` request param (limits the list). */
  countryLimit?: string;
  account: string;
  password?: string;
  /** The country chosen in the select. */
  country?: Country | string;
  decision?: 'approve' | 'deny';
}

/**
 * Loads the login page, then submits it the way a browser does: to the form's action, with the
 * form's fields. Resolves to the answer (302 with a Location, or the page again).
 */
export async function submitLogin(sandbox: Sandbox, options: LoginOptions) {
  const request: Record<string, string> = {
    response_type: 'code',
    client_id: options.appKey,
    redirect_uri: options.redirectUri ?? sandbox.endpoints.callbackUrl,
  };
  if (options.state !== undefined) request.state = options.state;
  if (options.countryLimit !== undefined) request.country = options.countryLimit;
  const page = await fetch(authorizeUrl(sandbox, request));
  const html = await page.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no login form (HTTP ${page.status})`);

  const form = new URLSearchParams({
    account: options.account,
    password: options.password ?? DEMO_PASSWORD,
    decision: options.decision ?? 'approve',
  });
  if (options.country !== undefined) form.set('country', options.country);
  const response = await fetch(new URL(decodeHtml(action), sandbox.url), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form,
    redirect: 'manual',
  });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

/** Logs in and approves; resolves to the code from the redirect. */
export async function approvedCode(sandbox: Sandbox, options: LoginOptions): Promise<string> {
  const answer = await submitLogin(sandbox, { ...options, decision: 'approve' });
  const code = answer.location ? new URL(answer.location).searchParams.get('code') : null;
  if (!code) throw new Error(`login was not approved (HTTP ${answer.status})`);
  return code;
}

export function decodeHtml(text: string): string {
  return text
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&amp;', '&');
}
