/**
 * HTTP routing. Each of the three platform endpoints runs the same pipeline: read the request, wait
 * the scripted latency (a client leaving meanwhile consumes nothing), apply a scripted fault, or process
 * it and answer (a token answer may then be lost on purpose: dropped, or sent late).
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { type AdminApi, answerAdmin } from './admin';
import { checkAuthorizeRequest, decideLogin, redirectTo } from './authorize';
import { answerBusinessCall, type BusinessApiPath, isBusinessApiPath } from './business-endpoint';
import { SandboxInputError } from './config';
import { DEMO_TOOL_PATH, demoToolPage } from './demo-tool-page';
import { faultResponse } from './fault-responses';
import {
  formParams,
  mergeParams,
  queryParams,
  readBody,
  redirect,
  send,
  sendHtml,
  sendJson,
  waitWhileConnected,
} from './http-io';
import { callbackPage, errorPage, indexPage, loginPage, notFoundPage } from './pages';
import { newRequestId } from './random-ids';
import type { SandboxState } from './sandbox-state';
import { answerTokenCall, type TokenOperation } from './token-endpoint';
import type { AfterProcessing, LogEntry, SandboxEndpoint } from './types';

/** What reached the callback page, by kind only: the code itself never enters the log. */
function callbackOutcome(query: URLSearchParams): string {
  if (query.has('code')) return 'code';
  return query.has('error') ? 'error' : 'empty';
}

export const PATHS = {
  authorize: '/oauth/authorize',
  tokenCreate: '/rest/auth/token/create',
  tokenRefresh: '/rest/auth/token/refresh',
  callback: '/callback',
  admin: '/__admin/',
  /** The REST root of the business APIs (`/rest/seller/get`...). */
  api: '/rest',
} as const;

/** What an endpoint handler reports for the log. */
interface Handled {
  outcome: string;
  requestId?: string;
  /**
   * A processed token call's answer, not yet sent: a lost-answer fault decides whether and when, and
   * may send it without the identity fields.
   */
  reply?: (shape?: (body: Record<string, unknown>) => Record<string, unknown>) => void;
}

interface EndpointRequest {
  request: IncomingMessage;
  response: ServerResponse;
  query: ReadonlyMap<string, string>;
  form: ReadonlyMap<string, string>;
  /** Query and form together, as the token endpoints read them. */
  params: ReadonlyMap<string, string>;
  now: number;
}

export function createRequestListener(
  state: SandboxState,
  admin: AdminApi,
  baseUrl: string,
): RequestListener {
  function registeredKey(candidate: string | undefined): string | undefined {
    return candidate !== undefined && state.findApp(candidate) ? candidate : undefined;
  }

  // The login form posts back to the authorize URL with the original query: the request's params
  // stay in the query string, the seller's answers in the form body, never mixed.
  function handleAuthorize({ request, response, query, form, now }: EndpointRequest): Handled {
    const check = checkAuthorizeRequest(query, state.findApp);
    if (!check.ok) {
      sendHtml(response, 400, errorPage(check.message));
      return { outcome: 'error_page' };
    }
    const authorize = check.request;
    const pageModel = {
      platform: authorize.app.platform,
      appName: authorize.app.name,
      formAction: authorize.formAction,
      countries: authorize.countries,
    };
    if (request.method === 'GET') {
      sendHtml(response, 200, loginPage(pageModel));
      return { outcome: 'login_page' };
    }

    const decision = decideLogin(form, authorize, state.findSeller);
    if (decision.kind === 'retry') {
      const retry = { ...pageModel, account: form.get('account'), selectedCountry: form.get('country') };
      sendHtml(response, 200, loginPage({ ...retry, error: decision.error }));
      return { outcome: 'login_failed' };
    }
    if (decision.kind === 'denied') {
      const answer = {
        error: 'access_denied',
        error_description: 'The seller denied the authorization request.',
        state: authorize.state,
      };
      redirect(response, redirectTo(authorize.redirectUri, answer));
      return { outcome: 'denied' };
    }
    const code = state.ledger.issueCode(
      authorize.app,
      decision.seller,
      decision.country,
      now,
      state.config(),
    );
    redirect(response, redirectTo(authorize.redirectUri, { code, state: authorize.state }));
    return { outcome: 'approved' };
  }

  function handleToken(operation: TokenOperation, { response, params, now }: EndpointRequest): Handled {
    const requestId = newRequestId(now);
    const answer = answerTokenCall(operation, params, {
      findApp: state.findApp,
      ledger: state.ledger,
      rateLimiter: state.rateLimiter,
      config: state.config(),
      now,
      requestId,
    });
    return {
      outcome: answer.outcome,
      requestId,
      reply: (shape) => sendJson(response, 200, shape ? shape(answer.body) : answer.body),
    };
  }

  function handleBusiness(apiPath: BusinessApiPath, { response, params, now }: EndpointRequest): Handled {
    const requestId = newRequestId(now);
    const answer = answerBusinessCall(apiPath, params, {
      findApp: state.findApp,
      ledger: state.ledger,
      rateLimiter: state.rateLimiter,
      config: state.config(),
      now,
      requestId,
    });
    sendJson(response, 200, answer.body);
    return { outcome: answer.outcome, requestId };
  }

  /** Sends a processed answer, or loses it as the fault says; reports what happened to it. */
  async function deliver(
    reply: NonNullable<Handled['reply']>,
    after: AfterProcessing | undefined,
    request: IncomingMessage,
    response: ServerResponse,
  ): Promise<LogEntry['afterProcessing']> {
    if (!after) {
      reply();
      return undefined;
    }
    if (after.mode === 'drop') {
      request.socket.destroy();
      return 'dropped';
    }
    if (after.mode === 'strip_identity') {
      reply(withoutIdentity);
      return 'identity_stripped';
    }
    if (!(await waitWhileConnected(response, after.delayMs, state.sleep))) return 'client_left';
    reply();
    return 'delayed';
  }

  async function runEndpoint(
    endpoint: SandboxEndpoint,
    url: URL,
    request: IncomingMessage,
    response: ServerResponse,
    handle: (call: EndpointRequest) => Handled,
  ): Promise<void> {
    const started = performance.now();
    const time = state.now();
    const query = queryParams(url);
    const form = formParams(request, await readBody(request));
    const params = mergeParams(query, form);
    const appKey = registeredKey(params.get('app_key') ?? params.get('client_id'));
    const record = (
      handled: Omit<Handled, 'reply'> & Pick<LogEntry, 'afterProcessing'>,
      httpStatus?: number,
    ) =>
      state.log.add({
        time,
        endpoint,
        method: request.method ?? 'GET',
        appKey,
        httpStatus,
        latencyMs: Math.round(performance.now() - started),
        ...handled,
      });

    if (!(await waitWhileConnected(response, state.faults.latencyFor(endpoint), state.sleep))) {
      record({ outcome: 'aborted' });
      return;
    }
    const fault = state.faults.take(endpoint);
    if (fault === 'drop') {
      request.socket.destroy();
      record({ outcome: 'drop' });
      return;
    }
    if (fault) {
      const requestId = newRequestId(state.now());
      const answer = faultResponse(fault, requestId);
      send(response, answer.status, answer.contentType, answer.body);
      record({ outcome: fault, requestId }, answer.status);
      return;
    }
    const { reply, ...handled } = handle({ request, response, query, form, params, now: state.now() });
    if (!reply) {
      record(handled, response.statusCode);
      return;
    }
    const lost = await deliver(reply, state.faults.takeAfterProcessing(endpoint), request, response);
    if (lost === undefined) record(handled, response.statusCode);
    else
      record(
        { ...handled, afterProcessing: lost },
        lost === 'dropped' || lost === 'client_left' ? undefined : response.statusCode,
      );
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', baseUrl);
    const method = request.method ?? 'GET';
    const path = url.pathname;

    if (path === PATHS.authorize && (method === 'GET' || method === 'POST')) {
      return runEndpoint('authorize', url, request, response, handleAuthorize);
    }
    // A CORS preflight (a signed call from an origin without host access): logged, never allowed,
    // like the real gateway, which sends no CORS headers. The body never comes.
    if (method === 'OPTIONS' && (path === PATHS.tokenCreate || path === PATHS.tokenRefresh)) {
      state.log.add({
        time: state.now(),
        endpoint: path === PATHS.tokenCreate ? 'token.create' : 'token.refresh',
        method,
        outcome: 'preflight',
        httpStatus: 404,
        latencyMs: 0,
      });
      return sendHtml(response, 404, notFoundPage());
    }
    if (path === PATHS.tokenCreate && method === 'POST') {
      return runEndpoint('token.create', url, request, response, (call) => handleToken('create', call));
    }
    if (path === PATHS.tokenRefresh && method === 'POST') {
      return runEndpoint('token.refresh', url, request, response, (call) => handleToken('refresh', call));
    }
    const apiPath = path.startsWith(`${PATHS.api}/`) ? path.slice(PATHS.api.length) : '';
    if ((method === 'POST' || method === 'GET') && isBusinessApiPath(apiPath)) {
      return runEndpoint('api', url, request, response, (call) => handleBusiness(apiPath, call));
    }
    if (path.startsWith(PATHS.admin)) {
      const body = await readBody(request);
      const answer = answerAdmin(method, path.slice(PATHS.admin.length), body, admin);
      return sendJson(response, answer.status, answer.value);
    }
    if (method === 'GET' && path === PATHS.callback) {
      state.log.add({
        time: state.now(),
        endpoint: 'callback',
        method,
        outcome: callbackOutcome(url.searchParams),
        httpStatus: 200,
        latencyMs: 0,
      });
      return sendHtml(response, 200, callbackPage());
    }
    if (method === 'GET' && path === DEMO_TOOL_PATH) return sendHtml(response, 200, demoToolPage());
    if (method === 'GET' && path === '/') {
      return sendHtml(
        response,
        200,
        indexPage({
          Authorize: baseUrl + PATHS.authorize,
          'Token create': baseUrl + PATHS.tokenCreate,
          'Token refresh': baseUrl + PATHS.tokenRefresh,
          Callback: baseUrl + PATHS.callback,
          'Demo seller tool': baseUrl + DEMO_TOOL_PATH,
        }),
      );
    }
    sendHtml(response, 404, notFoundPage());
  }

  return (request, response) => {
    // The gateway's own clock, as a real gateway's `Date` header gives it (tests shift it; clients read it).
    response.setHeader('date', new Date(state.now()).toUTCString());
    route(request, response).catch((error: unknown) => {
      if (response.headersSent || response.destroyed) return;
      if (error instanceof SandboxInputError) return sendJson(response, 400, { error: error.message });
      console.error('sandbox: unexpected error', error);
      sendJson(response, 500, { error: 'sandbox internal error' });
    });
  };
}

/** The fields a token answer needs to be a token answer: everything about who the seller is goes. */
const TOKEN_FIELDS = new Set([
  'access_token',
  'refresh_token',
  'expires_in',
  'refresh_expires_in',
  'expire_time',
  'refresh_token_valid_time',
  'code',
  'request_id',
]);

function withoutIdentity(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([name]) => TOKEN_FIELDS.has(name)));
}
