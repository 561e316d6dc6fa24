import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App';
import { SellerAuthError } from '../../../src/shared/errors';
import type { GrantView } from '../../../src/shared/model';
import { aGrantView, anAppView, PAGE_NOW } from '../../support/builders';
import { createFakeClient } from '../ui/fake-client';
import { renderWith } from './fixtures';

afterEach(cleanup);

const clock = () => PAGE_NOW;

describe('popup App', () => {
  it('without an app, says so and leads to the settings page', async () => {
    const client = createFakeClient({
      'apps.list': () => [],
      'grants.list': () => [],
      'connect.status': () => null,
    });
    const { actions } = renderWith(<App clock={clock} />, client);
    fireEvent.click(await screen.findByRole('button', { name: 'Set up your app' }));
    expect(actions.optionsOpened).toBe(1);
    expect(screen.queryByRole('button', { name: 'Connect shop' })).toBeNull();
  });

  it('with an app but no shops, points at "Connect shop"', async () => {
    const client = createFakeClient({
      'apps.list': () => [anAppView()],
      'grants.list': () => [],
      'connect.status': () => null,
    });
    renderWith(<App clock={clock} />, client);
    expect(await screen.findByText(/No shops yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Connect shop' })).toBeTruthy();
  });

  it('has a settings button in the header', async () => {
    const client = createFakeClient({
      'apps.list': () => [],
      'grants.list': () => [],
      'connect.status': () => null,
    });
    const { actions } = renderWith(<App clock={clock} />, client);
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(actions.optionsOpened).toBe(1);
  });

  it('lists the shops', async () => {
    const client = createFakeClient({
      'apps.list': () => [anAppView()],
      'grants.list': () => [aGrantView()],
      'connect.status': () => null,
    });
    renderWith(<App clock={clock} />, client);
    expect(
      await screen.findByRole('listitem', { name: 'shop@example.com, Singapore, Order Sync' }),
    ).toBeTruthy();
  });

  it('shows a worker that does not answer, and loads again on "Try again"', async () => {
    let answering = false;
    const client = createFakeClient({
      'apps.list': () => {
        if (!answering) throw new SellerAuthError('storage_failed', 'IndexedDB is closed.');
        return [anAppView()];
      },
      'grants.list': () => [aGrantView()],
      'connect.status': () => null,
    });
    renderWith(<App clock={clock} listPollMs={60_000} />, client);
    expect((await screen.findByRole('alert')).textContent).toContain('Could not save');
    answering = true;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('shop@example.com')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('picks up changes made elsewhere by polling the shop list', async () => {
    let grants: GrantView[] = [];
    const client = createFakeClient({
      'apps.list': () => [anAppView()],
      'grants.list': () => grants,
      'connect.status': () => null,
    });
    renderWith(<App clock={clock} listPollMs={20} />, client);
    await screen.findByText(/No shops yet/);
    grants = [aGrantView({ seller: { account: 'new@shop.com', country: 'my', countries: [] } })];
    expect(await screen.findByText('new@shop.com')).toBeTruthy();
  });

  it('scrolls to and highlights the shop a notification linked to, even beyond the first page', async () => {
    const grants = Array.from({ length: 120 }, (_, index) =>
      aGrantView({
        id: `g${index}`,
        seller: { account: `seller${index}@shop.com`, country: 'sg', countries: [] },
        refreshExpiresAt: PAGE_NOW + (index + 1) * 60_000 * 60,
      }),
    );
    const scrolled: string[] = [];
    const original = HTMLElement.prototype.scrollIntoView;
    HTMLElement.prototype.scrollIntoView = function (this: HTMLElement) {
      scrolled.push(this.getAttribute('data-grant-id') ?? '');
    };
    try {
      const client = createFakeClient({
        'apps.list': () => [anAppView()],
        'grants.list': () => grants,
        'connect.status': () => null,
      });
      const { container } = renderWith(<App clock={clock} focusGrantId="g99" />, client);
      await waitFor(() => expect(scrolled).toEqual(['g99']));
      const highlighted = [...container.querySelectorAll('[aria-current="true"]')];
      expect(highlighted.map((row) => row.getAttribute('data-grant-id'))).toEqual(['g99']);
      expect(highlighted[0]?.className).toContain('shop--highlighted');
      expect(highlighted[0]?.textContent).toContain('seller99@shop.com');
    } finally {
      HTMLElement.prototype.scrollIntoView = original;
    }
  });
});
