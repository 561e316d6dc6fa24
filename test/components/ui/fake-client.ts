/**
 * A scripted WorkerClient for component tests: records every call and answers from handlers.
 * A handler may throw a SellerAuthError to play an `{ok: false}` reply. Without a `grants.query`
 * handler, a `grants.list` one stands for the worker's store: queries are answered over its views.
 */
import { SellerAuthError } from '../../../src/shared/errors';
import type { MessageType, RequestOf, ResponseOf } from '../../../src/shared/protocol';
import type { WorkerClient } from '../../../src/ui/client';
import type { PageActions } from '../../../src/ui/open-page';
import { queryViews } from '../../support/view-query';

export type FakeHandlers = {
  [T in MessageType]?: (payload: RequestOf<T>) => ResponseOf<T> | Promise<ResponseOf<T>>;
};

export interface RecordedCall {
  type: MessageType;
  payload: unknown;
}

export interface FakeClient extends WorkerClient {
  calls: RecordedCall[];
  handlers: FakeHandlers;
  callsOf<T extends MessageType>(type: T): RequestOf<T>[];
}

export function createFakeClient(handlers: FakeHandlers = {}): FakeClient {
  const calls: RecordedCall[] = [];
  const client: FakeClient = {
    calls,
    handlers,
    async send<T extends MessageType>(type: T, payload: RequestOf<T>): Promise<ResponseOf<T>> {
      calls.push({ type, payload });
      const list = client.handlers['grants.list'];
      if (type === 'grants.query' && !client.handlers['grants.query'] && list) {
        const views = await list(undefined);
        return queryViews(views, payload as RequestOf<'grants.query'>) as ResponseOf<T>;
      }
      const handler = client.handlers[type] as ((payload: RequestOf<T>) => ResponseOf<T>) | undefined;
      if (!handler) throw new SellerAuthError('internal', `The fake worker has no answer for ${type}.`);
      return handler(payload);
    },
    callsOf<T extends MessageType>(type: T): RequestOf<T>[] {
      return calls.filter((call) => call.type === type).map((call) => call.payload as RequestOf<T>);
    },
  };
  return client;
}

/** A promise the test settles when it wants: plays a long-running `connect.start`. */
export function deferred<T>(): {
  promise: Promise<T>;
  resolve(value: T): void;
  reject(error: unknown): void;
} {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

export interface FakePageActions extends PageActions {
  optionsOpened: number;
  copied: string[];
  /** Origins asked for, and what the "person" answers. */
  accessRequested: string[];
  grantAccess: boolean;
}

export function createFakePageActions(): FakePageActions {
  const actions: FakePageActions = {
    optionsOpened: 0,
    copied: [],
    accessRequested: [],
    grantAccess: true,
    async openOptionsPage() {
      actions.optionsOpened += 1;
    },
    async copyText(text: string) {
      actions.copied.push(text);
    },
    async requestHostAccess(origin: string) {
      actions.accessRequested.push(origin);
      return actions.grantAccess;
    },
  };
  return actions;
}
