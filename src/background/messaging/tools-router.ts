/**
 * The `runtime.onMessageExternal` listener: another extension's message to the tools API. The sender
 * is Chrome's word (never the message's): an extension id, and a url inside that extension (a content
 * script it runs in a web page carries the page's url and is refused). Only the tools messages are
 * known here; the pages' protocol (`grants.accessToken`...) is unknown to this edge.
 */
import { SellerAuthError, toErrorData } from '../../shared/errors';
import type { Reply } from '../../shared/protocol';
import { TOOLS_MESSAGE_TYPES, type ToolCaller, type ToolsMessageType } from '../../shared/tools';
import { parseToolsRequest, type ToolsHandlers } from './tools-parsers';
import type { ExtensionSelf, MessageSenderLike } from './trusted-sender';

const TOOLS_TYPES: ReadonlySet<string> = new Set(TOOLS_MESSAGE_TYPES);
/** Chrome's extension ids: 32 letters a-p. */
const EXTENSION_ID = /^[a-p]{32}$/;

function refusal(code: 'tools_not_allowed' | 'invalid_input', message: string): Reply<never> {
  return { ok: false, error: new SellerAuthError(code, message).toData() };
}

/** The calling extension, or undefined when the sender is not one we answer. */
export function extensionCallerOf(sender: MessageSenderLike, self: ExtensionSelf): string | undefined {
  const id = sender.id;
  if (typeof id !== 'string' || !EXTENSION_ID.test(id) || id === self.id) return undefined;
  if (typeof sender.url !== 'string' || !sender.url.startsWith(`chrome-extension://${id}/`)) return undefined;
  if (sender.origin !== undefined && sender.origin !== `chrome-extension://${id}`) return undefined;
  return id;
}

function typeOf(message: unknown): ToolsMessageType | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const type: unknown = (message as { type?: unknown }).type;
  return typeof type === 'string' && TOOLS_TYPES.has(type) ? (type as ToolsMessageType) : undefined;
}

async function dispatch(
  handlers: ToolsHandlers,
  type: ToolsMessageType,
  caller: ToolCaller,
  payload: unknown,
): Promise<Reply<unknown>> {
  try {
    const request = parseToolsRequest(type, payload);
    const named =
      type === 'tools.requestAccess' && caller.kind === 'extension' && (request as { name?: string }).name
        ? { ...caller, declaredName: (request as { name: string }).name }
        : caller;
    const handler = handlers[type] as (caller: ToolCaller, input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(named, request) };
  } catch (error) {
    return { ok: false, error: toErrorData(error) };
  }
}

export function createToolsMessageListener(handlers: ToolsHandlers, self: ExtensionSelf) {
  return (
    message: unknown,
    sender: MessageSenderLike,
    sendResponse: (reply: Reply<unknown>) => void,
  ): true => {
    const id = extensionCallerOf(sender, self);
    if (id === undefined) {
      sendResponse(refusal('tools_not_allowed', 'This sender may not use Seller Auth.'));
      return true;
    }
    const type = typeOf(message);
    if (!type) {
      sendResponse(refusal('invalid_input', 'Unknown or malformed message.'));
      return true;
    }
    const payload = (message as { payload?: unknown }).payload;
    void dispatch(handlers, type, { kind: 'extension', id }, payload).then(sendResponse);
    return true;
  };
}
