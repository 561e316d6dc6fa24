/**
 * "Connect shop" as the popup sees it. The worker runs the login in its own window and keeps the
 * attempt, so the popup may close at any time: on open it reads the last attempt, and while a phase
 * runs it polls `connect.status` to show progress.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { type ErrorData, toErrorData } from '../shared/errors';
import { type AttemptView, isAttemptRunning } from '../shared/model';
import type { RequestOf } from '../shared/protocol';
import type { WorkerClient } from '../ui/client';
import { useInterval } from '../ui/use-interval';

export type ConnectRequest = RequestOf<'connect.start'>;

export interface Connect {
  /** The attempt to show: running, or finished and not yet dismissed. */
  attempt: AttemptView | null;
  /** `connect.start` itself failed (busy, unknown app...): there is no attempt to show. */
  error: ErrorData | null;
  /** What the failed start asked for, so "Try again" can repeat it. */
  failedRequest: ConnectRequest | null;
  running: boolean;
  start(request: ConnectRequest): void;
  dismiss(): void;
}

export function useConnect(client: WorkerClient, pollMs: number, onFinished: () => void): Connect {
  const [attempt, setAttemptState] = useState<AttemptView | null>(null);
  const attemptRef = useRef<AttemptView | null>(null);
  const setAttempt = useCallback((next: AttemptView | null) => {
    attemptRef.current = next;
    setAttemptState(next);
  }, []);
  const [error, setError] = useState<ErrorData | null>(null);
  const [failedRequest, setFailedRequest] = useState<ConnectRequest | null>(null);
  const [starting, setStarting] = useState(false);
  const mounted = useRef(true);
  const latestOnFinished = useRef(onFinished);
  latestOnFinished.current = onFinished;

  const readStatus = useCallback(
    async (startedHere: boolean) => {
      try {
        const status = await client.send('connect.status', undefined);
        if (!mounted.current) return;
        // While our own start is in flight, only a running attempt is news: a finished one is the
        // previous attempt, and the outcome of ours arrives with the start reply.
        if (startedHere && !isAttemptRunning(status)) return;
        const previous = attemptRef.current;
        setAttempt(status);
        // An attempt started in an earlier popup just ended: its shop list is out of date.
        if (isAttemptRunning(previous) && status && !isAttemptRunning(status)) latestOnFinished.current();
      } catch {
        // Progress is best effort: the next poll, or the start reply, will tell.
      }
    },
    [client, setAttempt],
  );

  useEffect(() => {
    mounted.current = true;
    void readStatus(false);
    return () => {
      mounted.current = false;
    };
  }, [readStatus]);

  const running = starting || isAttemptRunning(attempt);
  useInterval(() => void readStatus(starting), running ? pollMs : null);

  const start = useCallback(
    (request: ConnectRequest) => {
      setStarting(true);
      setAttempt(null);
      setError(null);
      setFailedRequest(null);
      client.send('connect.start', request).then(
        (finished) => {
          if (!mounted.current) return;
          setAttempt(finished);
          setStarting(false);
          latestOnFinished.current();
        },
        (failure: unknown) => {
          if (!mounted.current) return;
          setError(toErrorData(failure));
          setFailedRequest(request);
          setStarting(false);
        },
      );
    },
    [client, setAttempt],
  );

  const dismiss = useCallback(() => {
    const hadAttempt = attempt !== null;
    setAttempt(null);
    setError(null);
    setFailedRequest(null);
    if (hadAttempt) void client.send('connect.dismiss', undefined).catch(() => undefined);
  }, [attempt, client, setAttempt]);

  return { attempt, error, failedRequest, running, start, dismiss };
}
