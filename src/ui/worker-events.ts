/**
 * The signals the worker broadcasts to open pages (`grants.changed`, with the changed shops' ids).
 * Components listen through
 * `useWorkerEvent()`, so tests inject a fake with `WorkerEventsProvider`; the default listens on the
 * page's runtime (./adapters/extension-runtime.ts).
 */
import { type ComponentChildren, createContext, h } from 'preact';
import { useContext, useEffect, useRef } from 'preact/hooks';
import { WORKER_EVENTS, type WorkerEvent, type WorkerEventName } from '../shared/protocol';
import { extensionRuntime } from './adapters/extension-runtime';

export type WorkerEventListener = (event: WorkerEvent) => void;
/** Starts listening; the function it returns stops. */
export type SubscribeToWorkerEvents = (listener: WorkerEventListener) => () => void;

const KNOWN_EVENTS: ReadonlySet<string> = new Set(WORKER_EVENTS);

/** A change signal names at most this many shops (the worker sends none beyond a few hundred). */
const MAX_EVENT_IDS = 500;

/** Exactly a known signal: its name and at most a list of shop ids, so nothing else can ride along. */
export function isWorkerEvent(message: unknown): message is WorkerEvent {
  if (typeof message !== 'object' || message === null) return false;
  const { event, ids, ...rest } = message as { event?: unknown; ids?: unknown };
  return (
    Object.keys(rest).length === 0 &&
    typeof event === 'string' &&
    KNOWN_EVENTS.has(event) &&
    (!('ids' in message) ||
      (Array.isArray(ids) && ids.length <= MAX_EVENT_IDS && ids.every((id) => typeof id === 'string')))
  );
}

/** The slice of the extension runtime the subscription needs. */
export interface RuntimeEventsApi {
  id: string;
  onMessage: {
    addListener(callback: (message: unknown, sender: { id?: string }) => undefined): void;
    removeListener(callback: (message: unknown, sender: { id?: string }) => undefined): void;
  };
}

export function subscribeToWorkerEvents(
  listener: WorkerEventListener,
  runtime: RuntimeEventsApi = extensionRuntime(),
): () => void {
  const onMessage = (message: unknown, sender: { id?: string }): undefined => {
    if (sender.id === runtime.id && isWorkerEvent(message)) listener(message);
    // Never answers and keeps no channel open: this page also hears the other pages' requests to the
    // worker, and only the worker may answer those.
    return undefined;
  };
  runtime.onMessage.addListener(onMessage);
  return () => runtime.onMessage.removeListener(onMessage);
}

const WorkerEventsContext = createContext<SubscribeToWorkerEvents>((listener) =>
  subscribeToWorkerEvents(listener),
);

export function WorkerEventsProvider(props: {
  subscribe: SubscribeToWorkerEvents;
  children?: ComponentChildren;
}) {
  return h(WorkerEventsContext.Provider, { value: props.subscribe }, props.children);
}

/** Calls `callback` on each `name` signal while mounted. The latest callback is always used. */
export function useWorkerEvent(name: WorkerEventName, callback: (event: WorkerEvent) => void): void {
  const subscribe = useContext(WorkerEventsContext);
  const latest = useRef(callback);
  latest.current = callback;
  useEffect(
    () =>
      subscribe((event) => {
        if (event.event === name) latest.current(event);
      }),
    [subscribe, name],
  );
}
