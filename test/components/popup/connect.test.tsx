import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App';
import { SellerAuthError } from '../../../src/shared/errors';
import type { AttemptView, GrantView } from '../../../src/shared/model';
import { aGrantView, anAppView, anAttemptView, PAGE_NOW } from '../../support/builders';
import { createFakeClient, deferred, type FakeHandlers } from '../ui/fake-client';
import { renderWith } from './fixtures';

afterEach(cleanup);

const clock = () => PAGE_NOW;
const lazada = anAppView({ id: 'app-1', name: 'Order Sync', platform: 'lazada' });
const aliexpress = anAppView({ id: 'app-2', name: 'AE Tools', platform: 'aliexpress' });
const newGrant = aGrantView({
  id: 'app-1|u:777|my',
  seller: { account: 'fresh@shop.com', country: 'my', countries: [] },
});

function setup(handlers: FakeHandlers) {
  const client = createFakeClient({
    'apps.list': () => [lazada],
    'grants.list': () => [],
    'connect.status': () => null,
    'connect.dismiss': () => null,
    ...handlers,
  });
  const view = renderWith(<App clock={clock} listPollMs={60_000} connectPollMs={15} />, client);
  return { client, ...view };
}

describe('Connect shop', () => {
  it('sends the chosen Lazada countries and shows progress, then the connected account', async () => {
    const login = deferred<AttemptView>();
    let status: AttemptView | null = null;
    let grants: GrantView[] = [];
    const { client } = setup({
      'connect.start': () => login.promise,
      'connect.status': () => status,
      'grants.list': () => grants,
    });
    await screen.findByRole('button', { name: 'Connect shop' });
    expect(screen.queryByRole('combobox', { name: 'App' })).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: 'Thailand' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Singapore' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Cross-border' }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect shop' }));

    expect(client.callsOf('connect.start')).toEqual([{ appId: 'app-1', countries: ['sg', 'th', 'cb'] }]);
    expect((await screen.findByRole('status')).textContent).toContain('Waiting for the seller to log in...');
    expect((screen.getByRole('button', { name: 'Connect shop' }) as HTMLButtonElement).disabled).toBe(true);

    status = anAttemptView({ phase: 'exchanging' });
    await screen.findByText('Connecting the shop...');

    grants = [newGrant];
    login.resolve(anAttemptView({ phase: 'succeeded', grantId: newGrant.id, finishedAt: PAGE_NOW }));
    expect(await screen.findByText('Connected fresh@shop.com')).toBeTruthy();
    expect(screen.getByRole('listitem', { name: /fresh@shop\.com/ })).toBeTruthy();
  });

  it('connects to every country when none is ticked', async () => {
    const { client } = setup({ 'connect.start': () => anAttemptView({ phase: 'succeeded' }) });
    fireEvent.click(await screen.findByRole('button', { name: 'Connect shop' }));
    expect(client.callsOf('connect.start')).toEqual([{ appId: 'app-1' }]);
  });

  it('lets staff pick among several apps, with no countries for AliExpress', async () => {
    const { client } = setup({
      'apps.list': () => [lazada, aliexpress],
      'connect.start': () => anAttemptView({ appId: 'app-2', phase: 'succeeded' }),
    });
    const select = (await screen.findByRole('combobox', { name: 'App' })) as HTMLSelectElement;
    expect(screen.getByRole('checkbox', { name: 'Singapore' })).toBeTruthy();
    select.value = 'app-2';
    fireEvent.change(select);
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: 'Singapore' })).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: 'Connect shop' }));
    expect(client.callsOf('connect.start')).toEqual([{ appId: 'app-2' }]);
  });

  it('shows a failed login in words, and "Authorize again" repeats the same request', async () => {
    const failed = anAttemptView({
      phase: 'failed',
      countries: ['my'],
      error: { code: 'login_cancelled', message: 'The user did not approve access.', retryable: false },
    });
    const { client } = setup({ 'connect.start': () => failed });
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Malaysia' }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect shop' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Login cancelled');
    fireEvent.click(screen.getByRole('button', { name: 'Authorize again' }));
    expect(client.callsOf('connect.start')).toEqual([
      { appId: 'app-1', countries: ['my'] },
      { appId: 'app-1', countries: ['my'] },
    ]);
  });

  it('shows a start the worker refused, with "Try again"', async () => {
    let busy = true;
    const { client } = setup({
      'connect.start': () => {
        if (busy) throw new SellerAuthError('auth_flow_busy', 'Only one web auth flow is allowed at a time.');
        return anAttemptView({ phase: 'succeeded' });
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Connect shop' }));
    expect((await screen.findByRole('alert')).textContent).toContain('Another login is open');
    busy = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByText('Shop connected');
    expect(client.callsOf('connect.start')).toHaveLength(2);
  });

  it('when reopened, shows the last outcome until dismissed', async () => {
    let status: AttemptView | null = anAttemptView({ phase: 'succeeded', grantId: newGrant.id });
    const { client } = setup({
      'grants.list': () => [newGrant],
      'connect.status': () => status,
      'connect.dismiss': () => {
        status = null;
        return null;
      },
    });
    expect(await screen.findByText('Connected fresh@shop.com')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    await waitFor(() => expect(screen.queryByText('Connected fresh@shop.com')).toBeNull());
    expect(client.callsOf('connect.dismiss')).toHaveLength(1);
  });

  it('when reopened during a login, follows it to the end and reloads the shops', async () => {
    let status: AttemptView | null = anAttemptView({ phase: 'waiting_for_login' });
    let grants: GrantView[] = [];
    setup({ 'connect.status': () => status, 'grants.list': () => grants });
    expect((await screen.findByRole('status')).textContent).toContain('Waiting for the seller to log in...');
    grants = [newGrant];
    status = anAttemptView({ phase: 'succeeded', grantId: newGrant.id });
    expect(await screen.findByText('Connected fresh@shop.com')).toBeTruthy();
    expect(await screen.findByRole('listitem', { name: /fresh@shop\.com/ })).toBeTruthy();
  });

  it('when reopened after a failure, shows the error with its action', async () => {
    setup({
      'connect.status': () =>
        anAttemptView({
          phase: 'failed',
          error: {
            code: 'signature_rejected',
            message: 'x',
            retryable: false,
            platformCode: 'IncompleteSignature',
          },
        }),
    });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('App secret rejected');
    expect(alert.textContent).toContain('IncompleteSignature');
    expect(screen.getByRole('button', { name: 'Open settings' })).toBeTruthy();
  });
});
