/** Reading requests and writing answers on Node's `http` objects. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SandboxInputError } from './config';

const MAX_BODY_BYTES = 64 * 1024;

export async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new SandboxInputError('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function firstOfEach(entries: Iterable<[string, string]>): Map<string, string> {
  const params = new Map<string, string>();
  for (const [name, value] of entries) if (!params.has(name)) params.set(name, value);
  return params;
}

export function queryParams(url: URL): Map<string, string> {
  return firstOfEach(url.searchParams);
}

/** Like the real gateway, only a form-encoded body is read: a JSON body's params are simply not there. */
export function formParams(request: IncomingMessage, body: string): Map<string, string> {
  const contentType = request.headers['content-type'] ?? '';
  const isForm = contentType.toLowerCase().startsWith('application/x-www-form-urlencoded');
  return isForm ? firstOfEach(new URLSearchParams(body)) : new Map();
}

/** Query string and form body together; the body wins on a clash. */
export function mergeParams(
  query: ReadonlyMap<string, string>,
  form: ReadonlyMap<string, string>,
): Map<string, string> {
  return new Map([...query, ...form]);
}

export function parseJsonBody(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body);
  } catch {
    throw new SandboxInputError('body must be JSON');
  }
}

export function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, {
    'content-type': contentType,
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  response.end(body);
}

export function sendJson(response: ServerResponse, status: number, value: unknown): void {
  send(response, status, 'application/json;charset=UTF-8', JSON.stringify(value));
}

export function sendHtml(response: ServerResponse, status: number, html: string): void {
  send(response, status, 'text/html; charset=utf-8', html);
}

export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { location, 'content-length': 0, 'cache-control': 'no-store' });
  response.end();
}

/** Real time: the sandbox's clock unless a test or a simulation brings its own. */
export const realSleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * Waits `ms` on `sleep`, unless the client goes away first. Resolves false when it did: a request
 * waiting for its latency is then not processed (nothing consumed), like a request still in flight when
 * the extension's worker dies; a processed one keeps its answer unsent.
 */
export async function waitWhileConnected(
  response: ServerResponse,
  ms: number,
  sleep: (ms: number, signal?: AbortSignal) => Promise<void> = realSleep,
): Promise<boolean> {
  if (response.destroyed) return false;
  if (ms <= 0) return true;
  const gone = new AbortController();
  const onClose = () => gone.abort();
  response.once('close', onClose);
  try {
    await sleep(ms, gone.signal);
  } finally {
    response.off('close', onClose);
  }
  return !gone.signal.aborted && !response.destroyed;
}
