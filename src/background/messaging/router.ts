import { SellerAuthError, toErrorData } from '../../shared/errors';
import { MESSAGE_TYPES, type MessageType, type Reply } from '../../shared/protocol';
import { isBridgeMessage } from './bridge-router';
import { type Handlers, parseRequest } from './request-parsers';
import { type ExtensionSelf, isTrustedSender, type MessageSenderLike } from './trusted-sender';

const KNOWN_TYPES: ReadonlySet<string> = new Set(MESSAGE_TYPES);

function messageTypeOf(message: unknown): MessageType | undefined {
  if (typeof message !== 'object' || message === null) return undefined;
  const type: unknown = (message as { type?: unknown }).type;
  return typeof type === 'string' && KNOWN_TYPES.has(type) ? (type as MessageType) : undefined;
}

const forbidden = (): Reply<never> => ({
  ok: false,
  error: new SellerAuthError('forbidden_sender', 'This sender may not talk to Seller Auth.').toData(),
});

const malformed = (): Reply<never> => ({
  ok: false,
  error: new SellerAuthError('invalid_input', 'Unknown or malformed message.').toData(),
});

/** Parses the payload (the one check of page input), then runs the handler with the typed request. */
async function dispatch(handlers: Handlers, type: MessageType, payload: unknown): Promise<Reply<unknown>> {
  try {
    const handler = handlers[type] as (input: unknown) => Promise<unknown>;
    return { ok: true, value: await handler(parseRequest(type, payload)) };
  } catch (error) {
    // toErrorData keeps only code, message and public details: never a stack, never an unknown error's text.
    return { ok: false, error: toErrorData(error) };
  }
}

/**
 * The `chrome.runtime.onMessage` listener: checks the sender, then the message, parses its payload,
 * runs the handler and answers `{ok, value}` or `{ok: false, error}`. Returns `true` synchronously to
 * keep the channel open.
 */
export function createMessageListener(
  handlers: Handlers,
  self: ExtensionSelf,
  /** Seller tool pages' messages through the bridge content script (./bridge-router.ts), checked there. */
  bridge?: (
    message: unknown,
    sender: MessageSenderLike,
    sendResponse: (reply: Reply<unknown>) => void,
  ) => true,
) {
  return (
    message: unknown,
    sender: MessageSenderLike,
    sendResponse: (reply: Reply<unknown>) => void,
  ): true => {
    if (bridge && isBridgeMessage(message)) return bridge(message, sender, sendResponse);
    if (!isTrustedSender(sender, self)) {
      sendResponse(forbidden());
      return true;
    }
    const type = messageTypeOf(message);
    if (!type) {
      sendResponse(malformed());
      return true;
    }
    const payload = (message as { payload?: unknown }).payload;
    void dispatch(handlers, type, payload).then(sendResponse);
    return true;
  };
}
