/**
 * The typed client a seller tool (another extension) imports to use Seller Auth: one function per
 * call of the tools API (docs/tools-api.md), errors thrown as `SellerAuthToolError` with the named
 * code. It touches no browser API itself: pass `chrome.runtime.sendMessage`.
 *
 *   const sellerAuth = createSellerAuthClient({
 *     extensionId: SELLER_AUTH_ID,
 *     sendMessage: (id, message) => chrome.runtime.sendMessage(id, message),
 *   });
 *   await sellerAuth.requestAccess({ name: 'My order tool' });
 *   const [shop] = await sellerAuth.listShops();
 *   const orders = await sellerAuth.call(shop.id, '/orders/get', { created_after: '2025-01-01T00:00:00+08:00' });
 */
import type { ErrorCode, ErrorData } from '../shared/errors';
import {
  PAGE_REQUEST,
  TOOLS_API_VERSION,
  TOOLS_SUBSCRIBE_PORT,
  type ToolEvent,
  type ToolShop,
  type ToolsHello,
  type ToolsMessageType,
  type ToolsMode,
  type ToolsRequestOf,
  type ToolsResponseOf,
} from '../shared/tools';

export type { ToolEvent, ToolShop, ToolsHello, ToolsMode };
export { TOOLS_API_VERSION };

/** Delivers one message to another extension and resolves with its reply (`chrome.runtime.sendMessage`). */
export type ExternalSendMessage = (extensionId: string, message: unknown) => Promise<unknown>;

export class SellerAuthToolError extends Error {
  override readonly name = 'SellerAuthToolError';
  readonly code: ErrorCode | 'no_answer' | 'bad_answer';
  readonly retryable: boolean;
  readonly data: ErrorData | undefined;

  constructor(code: SellerAuthToolError['code'], message: string, data?: ErrorData) {
    super(message);
    this.code = code;
    this.retryable = data?.retryable ?? code === 'no_answer';
    this.data = data;
  }
}

export interface SellerAuthClient {
  hello(): Promise<ToolsHello>;
  /** Opens Seller Auth's consent window; resolves once the person allowed (throws if refused). */
  requestAccess(options?: {
    shops?: string[];
    mode?: ToolsMode;
    name?: string;
  }): Promise<{ mode: ToolsMode; shops: ToolShop[] }>;
  listShops(): Promise<ToolShop[]>;
  /** Needs `tokens` consent. */
  getToken(
    shopId: string,
    options?: { minValidityS?: number },
  ): Promise<{ accessToken: string; expiresAt: number }>;
  /** `apiPath`: `/orders/get` (path style) or `aliexpress.solution.order.get` (dotted, sent to /sync). */
  /**
   * Hears shop changes until `close()` (extensions only: needs `connect`). Reconnect after `onClose`:
   * Seller Auth's worker may have stopped.
   */
  subscribe(onEvent: (event: ToolEvent) => void, onClose?: () => void): { close(): void };
  call<T = unknown>(
    shopId: string,
    apiPath: string,
    params?: Record<string, string | number | boolean>,
  ): Promise<T>;
}

function isErrorData(value: unknown): value is ErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** The slice of `chrome.runtime.Port` a subscription uses. */
export interface ToolPort {
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

/** For an extension: messages go to Seller Auth by its id. */
export function createSellerAuthClient(options: {
  extensionId: string;
  sendMessage: ExternalSendMessage;
  /** `(id, info) => chrome.runtime.connect(id, info)`: needed for `subscribe` only. */
  connect?: (extensionId: string, info: { name: string }) => ToolPort;
}): SellerAuthClient {
  const subscribe = (onEvent: (event: ToolEvent) => void, onClose?: () => void) => {
    if (!options.connect) throw new SellerAuthToolError('bad_answer', 'subscribe needs the connect option.');
    const port = options.connect(options.extensionId, { name: TOOLS_SUBSCRIBE_PORT });
    port.onMessage.addListener((message) => onEvent(message as ToolEvent));
    port.onDisconnect.addListener(() => onClose?.());
    return { close: () => port.disconnect() };
  };
  return clientOver((message) => options.sendMessage(options.extensionId, message), subscribe);
}

/** The slice of `window` a page client needs. */
export interface PageWindow {
  postMessage(message: unknown, targetOrigin: string, transfer: Transferable[]): void;
  location: { origin: string };
}

/**
 * For a web page whose origin was added in Seller Auth's "Connected tools": each request goes to
 * Seller Auth's bridge over its own MessageChannel. Without the bridge (the origin was not added) the
 * request ends as `no_answer` after `timeoutMs`; a frame inside the page is refused by name.
 */
export function createSellerAuthPageClient(options: {
  window: PageWindow;
  /** How long to wait for an answer; a consent window waits for a person, so keep it long. */
  timeoutMs?: number;
}): SellerAuthClient {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  return clientOver(
    (message) =>
      new Promise((resolve, reject) => {
        const channel = new MessageChannel();
        const timer = setTimeout(() => {
          channel.port1.close();
          reject(new Error('no answer'));
        }, timeoutMs);
        channel.port1.onmessage = (event: MessageEvent) => {
          clearTimeout(timer);
          channel.port1.close();
          resolve(event.data);
        };
        options.window.postMessage(
          { sellerAuth: PAGE_REQUEST, ...(message as object) },
          options.window.location.origin,
          [channel.port2],
        );
      }),
  );
}

const noSubscribe = (): never => {
  throw new SellerAuthToolError('bad_answer', 'Web pages cannot subscribe yet.');
};

function clientOver(
  transport: (message: unknown) => Promise<unknown>,
  subscribe: SellerAuthClient['subscribe'] = noSubscribe,
): SellerAuthClient {
  async function send<T extends ToolsMessageType>(
    type: T,
    payload: ToolsRequestOf<T>,
  ): Promise<ToolsResponseOf<T>> {
    let reply: unknown;
    try {
      reply = await transport({ type, payload });
    } catch {
      throw new SellerAuthToolError('no_answer', 'Seller Auth did not answer: is it installed and enabled?');
    }
    if (typeof reply !== 'object' || reply === null || !('ok' in reply)) {
      throw new SellerAuthToolError('bad_answer', 'Seller Auth answered in a way this client does not know.');
    }
    if (reply.ok === true && 'value' in reply) return reply.value as ToolsResponseOf<T>;
    if (reply.ok === false && 'error' in reply && isErrorData(reply.error)) {
      throw new SellerAuthToolError(reply.error.code, reply.error.message, reply.error);
    }
    throw new SellerAuthToolError('bad_answer', 'Seller Auth answered in a way this client does not know.');
  }

  return {
    hello: () => send('tools.hello', undefined),
    subscribe,
    requestAccess: (request = {}) => send('tools.requestAccess', request),
    listShops: () => send('tools.listShops', undefined),
    getToken: (shopId, request = {}) => send('tools.getToken', { shopId, ...request }),
    call: async <T>(
      shopId: string,
      apiPath: string,
      params: Record<string, string | number | boolean> = {},
    ) =>
      (await send('tools.call', {
        shopId,
        apiPath,
        params: Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)])),
      })) as T,
  };
}
