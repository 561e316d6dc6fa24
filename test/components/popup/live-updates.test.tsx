/**
 * The open popup learns about changes from the worker's `grants.changed` signal, not by re-reading the
 * whole shop list every few seconds: a slow poll is left only as a safety net.
 */
import { cleanup, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../../src/popup/App';
import type { GrantView } from '../../../src/shared/model';
import { aGrantView, anAppView, manyGrantViews, PAGE_NOW } from '../../support/builders';
import { createFakeClient, deferred } from '../ui/fake-client';
import { renderWith } from './fixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const clock = () => PAGE_NOW;
const newShop = aGrantView({ seller: { account: 'new@shop.com', country: 'my', countries: [] } });

/** Lets promise callbacks (a load answering) run without moving any faked timer. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('popup live updates', () => {
  it('reloads the shop list on the signal, and not on a timer within the old 5 s', async () => {
    // Only intervals are faked: the library's own waits still run on real timeouts.
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let grants: GrantView[] = [];
    const client = createFakeClient({
      'apps.list': () => [anAppView()],
      'grants.list': () => grants,
      'connect.status': () => null,
    });
    const { events } = renderWith(<App clock={clock} />, client);
    await screen.findByText(/No shops yet/);
    grants = [newShop];

    vi.advanceTimersByTime(10_000);
    await settle();
    expect(client.callsOf('grants.query')).toHaveLength(1);
    expect(screen.queryByText('new@shop.com')).toBeNull();

    events.emit();
    expect(await screen.findByText('new@shop.com')).toBeTruthy();
    expect(client.callsOf('grants.query')).toHaveLength(2);
  });

  it('asks again for only the shops a signal names, and puts the changed row in place', async () => {
    let grants = manyGrantViews(120);
    const client = createFakeClient({
      'apps.list': () => [anAppView()],
      'grants.list': () => grants,
      'connect.status': () => null,
    });
    const { events, container } = renderWith(<App clock={clock} />, client);
    await waitFor(() => expect(container.querySelectorAll('li[data-grant-id]')).toHaveLength(50));
    const shown = [...container.querySelectorAll('li[data-grant-id]')].map((row) =>
      row.getAttribute('data-grant-id'),
    );
    const changedId = shown[10]!;
    grants = grants.map((view) =>
      view.id === changedId ? { ...view, seller: { ...view.seller, account: 'renamed@shop.com' } } : view,
    );

    events.emit({ event: 'grants.changed', ids: [changedId] });

    expect(await screen.findByText('renamed@shop.com')).toBeTruthy();
    const query = client.callsOf('grants.query').at(-1);
    expect(query).toMatchObject({ changed: [changedId], offset: 0 });
    expect(query?.have).toEqual(shown);
    expect(client.callsOf('apps.list')).toHaveLength(1);
  });

  it('asks for the whole window again when signals name more shops than a question may carry', async () => {
    const grants = manyGrantViews(120);
    const client = createFakeClient({
      'apps.list': () => [anAppView()],
      'grants.list': () => grants,
      'connect.status': () => null,
    });
    const { events, container } = renderWith(<App clock={clock} />, client);
    await waitFor(() => expect(container.querySelectorAll('li[data-grant-id]')).toHaveLength(50));
    const asked = client.callsOf('grants.query').length;
    events.emit({ event: 'grants.changed', ids: Array.from({ length: 201 }, (_, n) => `a-${n}`) });
    await waitFor(() => expect(client.callsOf('grants.query').length).toBe(asked + 1));
    expect(client.callsOf('grants.query').at(-1)).not.toHaveProperty('changed');
    expect(client.callsOf('grants.query').at(-1)).not.toHaveProperty('have');
  });

  it('still polls, slowly, in case a signal was missed', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    let grants: GrantView[] = [];
    const client = createFakeClient({
      'apps.list': () => [anAppView()],
      'grants.list': () => grants,
      'connect.status': () => null,
    });
    renderWith(<App clock={clock} />, client);
    await screen.findByText(/No shops yet/);
    grants = [newShop];

    vi.advanceTimersByTime(59_000);
    await settle();
    expect(client.callsOf('grants.query')).toHaveLength(1);
    vi.advanceTimersByTime(1_000);
    expect(await screen.findByText('new@shop.com')).toBeTruthy();
    expect(client.callsOf('grants.query')).toHaveLength(2);
  });

  it('turns a burst of signals into one more load once the current one answers', async () => {
    const answers = [deferred<GrantView[]>(), deferred<GrantView[]>(), deferred<GrantView[]>()];
    let asked = 0;
    const client = createFakeClient({
      'apps.list': () => [anAppView()],
      'grants.list': () => (answers[asked++] ?? deferred<GrantView[]>()).promise,
      'connect.status': () => null,
    });
    const { events } = renderWith(<App clock={clock} listPollMs={60_000} />, client);
    await waitFor(() => expect(client.callsOf('grants.query')).toHaveLength(1));

    events.emit();
    events.emit();
    events.emit();
    await settle();
    expect(client.callsOf('grants.query')).toHaveLength(1);

    answers[0]?.resolve([]);
    await waitFor(() => expect(client.callsOf('grants.query')).toHaveLength(2));
    answers[1]?.resolve([newShop]);
    expect(await screen.findByText('new@shop.com')).toBeTruthy();
    await settle();
    expect(client.callsOf('grants.query')).toHaveLength(2);
  });

  it('stops listening when the popup closes', async () => {
    const client = createFakeClient({
      'apps.list': () => [anAppView()],
      'grants.list': () => [],
      'connect.status': () => null,
    });
    const { events, unmount } = renderWith(<App clock={clock} />, client);
    await screen.findByText(/No shops yet/);
    // The shop list and the storage banner each listen.
    expect(events.listening).toBe(2);
    unmount();
    // Preact runs a closed component's effect clean-ups after the next paint.
    await waitFor(() => expect(events.listening).toBe(0));
    events.emit();
    await settle();
    expect(client.callsOf('grants.query')).toHaveLength(1);
  });
});
