/**
 * One answer a section shows from the worker (the tool pages, the connected tools), asked for on
 * mount and again on `reload`, with the last failure: of the question or of the person's own action.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type ErrorData, toErrorData } from '../shared/errors';
import type { MessageType, RequestOf, ResponseOf } from '../shared/protocol';
import { useClient } from './client';

/** The questions that take no payload. */
type Question = { [T in MessageType]: RequestOf<T> extends undefined ? T : never }[MessageType];

export interface WorkerAnswer<R> {
  /** Undefined until the first answer. */
  value: R | undefined;
  error: ErrorData | undefined;
  /** An answer the worker gave to an action (an add returning the new list) stands for a reload. */
  setValue(value: R): void;
  setError(error: ErrorData | undefined): void;
  reload(): Promise<void>;
  /** Runs an action of the person's: the last failure is cleared first, the action's own is shown. */
  run(action: () => Promise<void>): Promise<void>;
}

export function useWorkerAnswer<T extends Question>(question: T): WorkerAnswer<ResponseOf<T>> {
  const client = useClient();
  const [value, setValue] = useState<ResponseOf<T>>();
  const [error, setError] = useState<ErrorData>();

  const run = useCallback(async (action: () => Promise<void>) => {
    setError(undefined);
    try {
      await action();
    } catch (failure) {
      setError(toErrorData(failure));
    }
  }, []);
  const reload = useCallback(
    () => run(async () => setValue(await client.send(question, undefined as RequestOf<T>))),
    [client, question, run],
  );
  useEffect(() => {
    void reload();
  }, [reload]);

  return { value, error, setValue, setError, reload, run };
}
