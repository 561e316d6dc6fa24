/**
 * The page side of the worker's signals: only our own extension's known, data-free events reach a
 * listener, and the page never answers anything (other pages' requests are the worker's to answer).
 */
import { describe, expect, it, vi } from 'vitest';
import { isWorkerEvent, type RuntimeEventsApi, subscribeToWorkerEvents } from '../../../src/ui/worker-events';

const OUR_ID = 'fffnjcdamfdmpeafhgelpgehapcbeilk';

type OnMessage = (message: unknown, sender: { id?: string }) => undefined;

function fakeRuntime() {
  const listeners = new Set<OnMessage>();
  const runtime: RuntimeEventsApi = {
    id: OUR_ID,
    onMessage: {
      addListener: (callback) => listeners.add(callback),
      removeListener: (callback) => listeners.delete(callback),
    },
  };
  /** Delivers a message as Chrome would; returns what each listener returned. */
  const deliver = (message: unknown, sender: { id?: string } = { id: OUR_ID }) =>
    [...listeners].map((listener) => listener(message, sender));
  return { runtime, listeners, deliver };
}

describe('subscribeToWorkerEvents', () => {
  it('passes on our own worker’s grants.changed', () => {
    const { runtime, deliver } = fakeRuntime();
    const listener = vi.fn();
    subscribeToWorkerEvents(listener, runtime);
    deliver({ event: 'grants.changed' });
    expect(listener.mock.calls).toEqual([[{ event: 'grants.changed' }]]);
  });

  it('passes on the ids of the changed shops with it', () => {
    const { runtime, deliver } = fakeRuntime();
    const listener = vi.fn();
    subscribeToWorkerEvents(listener, runtime);
    deliver({ event: 'grants.changed', ids: ['app-1|u:1|sg'] });
    expect(listener.mock.calls).toEqual([[{ event: 'grants.changed', ids: ['app-1|u:1|sg'] }]]);
  });

  it.each([
    ['another extension', { event: 'grants.changed' }, { id: 'abcdefghijklmnopabcdefghijklmnop' }],
    ['a sender without an id', { event: 'grants.changed' }, {}],
    ['another page’s request to the worker', { type: 'grants.list', payload: undefined }, { id: OUR_ID }],
    ['an unknown event', { event: 'grants.deleted' }, { id: OUR_ID }],
    ['an event carrying data', { event: 'grants.changed', grantId: 'app-1|u:1|sg' }, { id: OUR_ID }],
    ['ids that are not a list of text', { event: 'grants.changed', ids: [{ token: 'x' }] }, { id: OUR_ID }],
    ['ids that are not a list', { event: 'grants.changed', ids: 'app-1|u:1|sg' }, { id: OUR_ID }],
  ])('ignores %s, and answers nothing', (_name, message, sender) => {
    const { runtime, deliver } = fakeRuntime();
    const listener = vi.fn();
    subscribeToWorkerEvents(listener, runtime);
    expect(deliver(message, sender)).toEqual([undefined]);
    expect(listener).not.toHaveBeenCalled();
  });

  it('stops listening when unsubscribed', () => {
    const { runtime, listeners, deliver } = fakeRuntime();
    const listener = vi.fn();
    const unsubscribe = subscribeToWorkerEvents(listener, runtime);
    unsubscribe();
    deliver({ event: 'grants.changed' });
    expect(listeners.size).toBe(0);
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('isWorkerEvent', () => {
  it.each([null, undefined, 'grants.changed', 42, [], { event: 42 }, { type: 'grants.changed' }])(
    'refuses %j',
    (message) => {
      expect(isWorkerEvent(message)).toBe(false);
    },
  );
});
