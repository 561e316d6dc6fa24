/**
 * How pages talk to the worker: one typed `send()` over the message protocol. Components receive the
 * client through `ClientProvider` / `useClient()`, so tests inject a fake and never touch the runtime
 * (the real one is in ./adapters/runtime-client.ts).
 */
import { type ComponentChildren, createContext, h } from 'preact';
import { useContext } from 'preact/hooks';
import { type ErrorData, isErrorCode, SellerAuthError } from '../shared/errors';
import type { Message, MessageType, RequestOf, ResponseOf } from '../shared/protocol';

export interface WorkerClient {
  send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>>;
}

/** Anything that delivers one message to the worker and resolves with its raw reply. */
export type SendMessage = (message: Message) => Promise<unknown>;

const NO_ANSWER = "Seller Auth's background service stopped before it answered.";
const BAD_ANSWER =
  "Seller Auth's background service did not answer as expected. If it keeps happening, reload the extension.";

/** The worker stopped or restarted mid-request (Chrome stops idle workers): asking again wakes it. */
function noAnswer(cause?: unknown): SellerAuthError {
  return new SellerAuthError(
    'worker_unavailable',
    NO_ANSWER,
    {},
    cause === undefined ? undefined : { cause },
  );
}

function badAnswer(): SellerAuthError {
  return new SellerAuthError('internal', BAD_ANSWER);
}

function isErrorData(value: unknown): value is ErrorData {
  return (
    typeof value === 'object' &&
    value !== null &&
    isErrorCode((value as { code?: unknown }).code) &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** Turns a raw `{ok, value}` / `{ok, error}` reply into a value or a thrown SellerAuthError. */
export function createClientOver(sendMessage: SendMessage): WorkerClient {
  return {
    async send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
      let reply: unknown;
      try {
        reply = await sendMessage({ type, payload } as Message);
      } catch (cause) {
        throw noAnswer(cause);
      }
      // No reply at all: the worker's port closed before it answered.
      if (reply === undefined) throw noAnswer();
      if (typeof reply !== 'object' || reply === null || !('ok' in reply)) throw badAnswer();
      if (reply.ok === true && 'value' in reply) return reply.value as ResponseOf<T>;
      if (reply.ok === false && 'error' in reply && isErrorData(reply.error)) {
        throw SellerAuthError.fromData(reply.error);
      }
      throw badAnswer();
    },
  };
}

const ClientContext = createContext<WorkerClient | null>(null);

export function ClientProvider(props: { client: WorkerClient; children?: ComponentChildren }) {
  return h(ClientContext.Provider, { value: props.client }, props.children);
}

export function useClient(): WorkerClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient() needs a <ClientProvider> above it.');
  return client;
}
