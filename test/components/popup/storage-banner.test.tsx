/**
 * The popup shows the worker's storage health as a banner that says what to do, instead of only a
 * generic "Could not save", and drops it once the worker says storage works again.
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App';
import { SellerAuthError } from '../../../src/shared/errors';
import type { StorageHealthView } from '../../../src/shared/storage-health';
import { aGrantView, anAppView, PAGE_NOW } from '../../support/builders';
import { createFakeClient } from '../ui/fake-client';
import { renderWith } from './fixtures';

afterEach(cleanup);

const clock = () => PAGE_NOW;
const unreadable = () => {
  throw new SellerAuthError('storage_failed', 'Could not list grants (UnknownError).');
};

describe('popup storage banner', () => {
  it('says what went wrong and what to do, in place of the generic error', async () => {
    const client = createFakeClient({
      'apps.list': unreadable,
      'grants.list': unreadable,
      'connect.status': () => null,
      'health.status': () => ({ failures: [{ kind: 'quota', since: PAGE_NOW }] }),
    });
    renderWith(<App clock={clock} />, client);

    const banner = await screen.findByRole('alert', { name: 'Seller Auth cannot use its storage' });
    expect(banner.textContent).toMatch(/no room left/);
    expect(banner.textContent).toMatch(/Free disk space, then restart Chrome\./);
    await waitFor(() => expect(client.callsOf('grants.query')).toHaveLength(1));
    expect(screen.queryByText('Could not save')).toBeNull();
    expect(screen.getAllByRole('alert')).toHaveLength(1);
  });

  it('names every kind that is failing', async () => {
    const client = createFakeClient({
      'apps.list': () => [anAppView()],
      'grants.list': () => [aGrantView()],
      'connect.status': () => null,
      'health.status': () => ({
        failures: [
          { kind: 'upgrade', since: PAGE_NOW },
          { kind: 'transaction', since: PAGE_NOW },
        ],
      }),
    });
    renderWith(<App clock={clock} />, client);
    const banner = await screen.findByRole('alert', { name: 'Seller Auth cannot use its storage' });
    expect(banner.textContent).toMatch(/could not update its stored data/);
    expect(banner.textContent).toMatch(/stopped Seller Auth while it was reading or saving/);
    // The shops it could read are still listed under the banner.
    expect(await screen.findByText('shop@example.com')).toBeTruthy();
  });

  it('goes once the worker signals that storage works again', async () => {
    let health: StorageHealthView = { failures: [{ kind: 'open', since: PAGE_NOW }] };
    const client = createFakeClient({
      'apps.list': () => [anAppView()],
      'grants.list': () => [],
      'connect.status': () => null,
      'health.status': () => health,
    });
    const { events } = renderWith(<App clock={clock} />, client);
    await screen.findByRole('alert', { name: 'Seller Auth cannot use its storage' });

    health = { failures: [] };
    events.emit();
    await waitFor(() =>
      expect(screen.queryByRole('alert', { name: 'Seller Auth cannot use its storage' })).toBeNull(),
    );
  });

  it('"Check again" asks the worker again, shops and health both', async () => {
    const client = createFakeClient({
      'apps.list': unreadable,
      'grants.list': unreadable,
      'connect.status': () => null,
      'health.status': () => ({ failures: [{ kind: 'open', since: PAGE_NOW }] }),
    });
    renderWith(<App clock={clock} />, client);
    fireEvent.click(await screen.findByRole('button', { name: 'Check again' }));
    await waitFor(() => expect(client.callsOf('health.status')).toHaveLength(2));
    await waitFor(() => expect(client.callsOf('grants.query')).toHaveLength(2));
  });

  it('shows nothing while storage works, or when the worker cannot say', async () => {
    for (const health of [() => ({ failures: [] }), unreadable]) {
      const client = createFakeClient({
        'apps.list': () => [anAppView()],
        'grants.list': () => [],
        'connect.status': () => null,
        'health.status': health,
      });
      renderWith(<App clock={clock} />, client);
      await screen.findByText(/No shops yet/);
      await waitFor(() => expect(client.callsOf('health.status')).toHaveLength(1));
      expect(screen.queryByRole('alert')).toBeNull();
      cleanup();
    }
  });
});
