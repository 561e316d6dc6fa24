/**
 * Messages a seller tool web page sends through Seller Auth's bridge content script. They arrive on
 * `runtime.onMessage` from our own extension, but from a content script in a web page: the caller is
 * the page origin Chrome names (`sender.origin`, never anything in the message), it must be an origin a
 * person allowed in "Connected tools", and only the top frame (`frameId` 0) is answered.
 */
import { SellerAuthError, toErrorData } from '../../shared/errors';
import type { Reply } from '../../shared/protocol';
import { BRIDGE_CHANNEL, TOOLS_MESSAGE_TYPES, type ToolsMessageType } from '../../shared/tools';
import { parseToolsRequest, type ToolsHandlers } from './tools-parsers';
import type { ExtensionSelf, MessageSenderLike } from './trusted-sender';

export interface BridgeSender extends MessageSenderLike {
  frameId?: number;
}

const TOOLS_TYPES: ReadonlySet<string> = new Set(TOOLS_MESSAGE_TYPES);

export function isBridgeMessage(message: unknown): boolean {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as { channel?: unknown }).channel === BRIDGE_CHANNEL
  );
}

function originOf(sender: BridgeSender): string | undefined {
  if (typeof sender.origin === 'string') return sender.origin;
  try {
    return typeof sender.url === 'string' ? new URL(sender.url).origin : undefined;
  } catch {
    return undefined;
  }
}

const refused = (message: string): Reply<never> => ({
  ok: false,
  error: new SellerAuthError('tools_not_allowed', message).toData(),
});

/** Listens for bridged messages only; answers each, or refuses it with a named code. */
export function createBridgeListener(
  handlers: ToolsHandlers,
  self: ExtensionSelf,
  allowedOrigins: () => Promise<readonly string[]>,
) {
  const answer = async (message: unknown, sender: BridgeSender): Promise<Reply<unknown>> => {
    if (sender.id !== self.id || sender.tab === undefined)
      return refused('This sender may not use Seller Auth.');
    if (sender.frameId !== 0)
      return refused('Only the page itself may ask Seller Auth, not a frame inside it.');
    const origin = originOf(sender);
    if (origin === undefined || origin === 'null' || !(await allowedOrigins()).includes(origin)) {
      return refused('This page is not allowed to use Seller Auth.');
    }
    const type: unknown = (message as { type?: unknown }).type;
    if (typeof type !== 'string' || !TOOLS_TYPES.has(type)) {
      return {
        ok: false,
        error: new SellerAuthError('invalid_input', 'Unknown or malformed message.').toData(),
      };
    }
    try {
      const request = parseToolsRequest(type as ToolsMessageType, (message as { payload?: unknown }).payload);
      const handler = handlers[type as ToolsMessageType] as (
        caller: unknown,
        input: unknown,
      ) => Promise<unknown>;
      return { ok: true, value: await handler({ kind: 'origin', origin }, request) };
    } catch (error) {
      return { ok: false, error: toErrorData(error) };
    }
  };
  return (message: unknown, sender: BridgeSender, sendResponse: (reply: Reply<unknown>) => void): true => {
    void answer(message, sender).then(sendResponse, (error: unknown) =>
      sendResponse({ ok: false, error: toErrorData(error) }),
    );
    return true;
  };
}
