import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App';
import { shopLabel } from '../../../src/popup/shop-words';
import type { GrantView } from '../../../src/shared/model';
import { aGrantView, anAppView, PAGE_NOW } from '../../support/builders';
import { createFakeClient, deferred, type FakeHandlers } from '../ui/fake-client';
import { renderWith } from './fixtures';

afterEach(cleanup);

const FIRST = aGrantView();
const SECOND = aGrantView({
  id: 'app-1|u:20202|my',
  seller: { account: 'other@example.com', country: 'my', countries: [] },
});

async function setup(grants: GrantView[], handlers: FakeHandlers = {}) {
  let listed = grants;
  const client = createFakeClient({
    'apps.list': () => [anAppView()],
    'grants.list': () => listed,
    'connect.status': () => null,
    'grants.remove': ({ grantId }) => {
      listed = listed.filter((view) => view.id !== grantId);
      return null;
    },
    ...handlers,
  });
  renderWith(<App clock={() => PAGE_NOW} listPollMs={60_000} />, client);
  await screen.findByRole('listitem', { name: shopLabel(grants[0]!) });
  return client;
}

const button = (name: string) => screen.getByRole('button', { name });

describe('popup focus', () => {
  it('moves the focus into the remove confirmation, and Escape brings it back to "Remove"', async () => {
    await setup([FIRST]);
    const label = shopLabel(FIRST);
    button(`Remove ${label}`).focus();
    fireEvent.click(button(`Remove ${label}`));
    await waitFor(() => expect(document.activeElement).toBe(button(`Cancel removing ${label}`)));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(document.activeElement).toBe(button(`Remove ${label}`)));
    expect(screen.queryByRole('button', { name: `Yes, remove ${label}` })).toBeNull();
  });

  it('gives the focus back to "Remove" when the confirmation is cancelled', async () => {
    await setup([FIRST]);
    const label = shopLabel(FIRST);
    fireEvent.click(button(`Remove ${label}`));
    fireEvent.click(button(`Cancel removing ${label}`));
    await waitFor(() => expect(document.activeElement).toBe(button(`Remove ${label}`)));
  });

  it('puts the focus on the next shop once a shop is removed, and on "Connect shop" after the last', async () => {
    await setup([FIRST, SECOND]);
    fireEvent.click(button(`Remove ${shopLabel(FIRST)}`));
    fireEvent.click(button(`Yes, remove ${shopLabel(FIRST)}`));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: shopLabel(FIRST) })).toBeNull());
    expect(document.activeElement).toBe(button(`Copy access token for ${shopLabel(SECOND)}`));

    fireEvent.click(button(`Remove ${shopLabel(SECOND)}`));
    fireEvent.click(button(`Yes, remove ${shopLabel(SECOND)}`));
    await screen.findByText(/No shops yet/);
    expect(document.activeElement).toBe(button('Connect shop'));
  });

  it('keeps the focus on "Refresh now" through the refresh, though the button is disabled meanwhile', async () => {
    const answer = deferred<GrantView>();
    await setup([FIRST], { 'grants.refresh': () => answer.promise });
    const refresh = button(`Refresh now for ${shopLabel(FIRST)}`);
    refresh.focus();
    fireEvent.click(refresh);
    await waitFor(() =>
      expect(button(`Refresh now for ${shopLabel(FIRST)}`).hasAttribute('disabled')).toBe(true),
    );
    // What a browser does with a focused control that becomes disabled: the focus falls to the page.
    const elsewhere = document.body.appendChild(document.createElement('input'));
    elsewhere.focus();
    elsewhere.remove();
    expect(document.activeElement).toBe(document.body);
    answer.resolve(FIRST);
    await waitFor(() => expect(document.activeElement).toBe(button(`Refresh now for ${shopLabel(FIRST)}`)));
  });
});
