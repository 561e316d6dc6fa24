import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App';
import { SellerAuthError } from '../../../src/shared/errors';
import type { GrantView } from '../../../src/shared/model';
import { formatDate } from '../../../src/ui/time-words';
import { aGrantView, anAppView, anAttemptView, DAY, HOUR, PAGE_NOW } from '../../support/builders';
import { createFakeClient, deferred, type FakeHandlers } from '../ui/fake-client';
import { renderWith } from './fixtures';

afterEach(cleanup);

const clock = () => PAGE_NOW;
const TOKEN = '50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg';
const LABEL = 'shop@example.com, Singapore, Order Sync';

async function setup(grants: GrantView[], handlers: FakeHandlers = {}) {
  let listed = grants;
  const client = createFakeClient({
    'apps.list': () => [anAppView()],
    'grants.list': () => listed,
    'connect.status': () => null,
    ...handlers,
  });
  const view = renderWith(<App clock={clock} listPollMs={60_000} />, client);
  const first = grants[0];
  const rows = first
    ? await screen.findAllByRole('listitem', { name: new RegExp(`^${first.seller.account}`) })
    : [];
  const row = rows.find((candidate) => candidate.getAttribute('data-grant-id') === first?.id);
  return {
    client,
    row: row!,
    ...view,
    setListed(next: GrantView[]) {
      listed = next;
    },
  };
}

describe('shop row', () => {
  it('shows both clocks in words, with the date to authorize again', async () => {
    const { row } = await setup([aGrantView()]);
    expect(row.textContent).toContain('Access token expires in 6 days');
    expect(row.textContent).toContain('Authorize again by 12 Jan 2027, 14:05 (in 29 days)');
    expect(row.textContent).toContain('Connected');
  });

  it('shows a moved shop as moved on its date, with no token or refresh buttons', async () => {
    const movedAt = Date.UTC(2026, 11, 10, 9, 30);
    const { row } = await setup([aGrantView({ health: 'moved', movedAt })]);
    expect(row.textContent).toContain(`Moved to another browser on ${formatDate(movedAt)}`);
    expect(row.textContent).toContain('Moved');
    expect(row.textContent).not.toContain('Authorize again by');
    expect(within(row).queryByRole('button', { name: `Copy access token for ${LABEL}` })).toBeNull();
    expect(within(row).queryByRole('button', { name: `Refresh now for ${LABEL}` })).toBeNull();
    expect(within(row).getByRole('button', { name: `Authorize again for ${LABEL}` })).toBeTruthy();
  });

  it('shows "Waiting" and why, never just "Connected", while the platform asked to slow down', async () => {
    const { row } = await setup([
      aGrantView({ slowDownUntil: PAGE_NOW + 10 * 60_000, nextRefreshAt: PAGE_NOW + 10 * 60_000 }),
    ]);
    expect(row.textContent).toContain('Waiting: the platform asked to slow down. Next try in 10 minutes');
    expect(within(row).getByText('Waiting')).toBeTruthy();
    expect(within(row).queryByText('Connected')).toBeNull();
  });

  it('says the clock, not the platform, put the deadline behind a shop still being checked', async () => {
    const { row } = await setup([
      aGrantView({ health: 'expiring', refreshExpiresAt: PAGE_NOW - HOUR, nextRefreshAt: PAGE_NOW - HOUR }),
    ]);
    expect(row.textContent).toContain("This computer's clock says the deadline passed on");
    expect(row.textContent).toContain('checking with the platform');
    expect(row.textContent).not.toContain('Needs authorization');
  });

  it('says when the access token has expired and when the deadline has passed', async () => {
    const { row } = await setup([
      aGrantView({
        health: 'needs_authorization',
        status: 'needs_authorization',
        accessExpiresAt: PAGE_NOW - HOUR,
        refreshExpiresAt: PAGE_NOW - 3 * DAY,
      }),
    ]);
    expect(row.textContent).toContain('Access token expired');
    expect(row.textContent).toContain(
      'Authorize again: the deadline passed on 11 Dec 2026, 14:05 (3 days ago)',
    );
    expect(row.textContent).toContain('Needs authorization');
  });

  it('lists each venture of a cross-border seller with its seller and user ids', async () => {
    const { row } = await setup([
      aGrantView({
        seller: {
          account: 'global@brand.com',
          country: 'cb',
          countries: [
            { country: 'sg', sellerId: '1001', userId: '10101' },
            { country: 'my', sellerId: '2001', userId: '20101' },
          ],
        },
      }),
    ]);
    const ventures = within(row).getByRole('list', { name: 'Countries of global@brand.com' });
    const lines = within(ventures)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(lines).toEqual([
      'Singapore · Seller ID 1001 · User ID 10101',
      'Malaysia · Seller ID 2001 · User ID 20101',
    ]);
    expect(row.textContent).toContain('Cross-border');
  });

  it('names an AliExpress shop, which has no venture, without an empty country', async () => {
    const { row } = await setup([
      aGrantView({
        id: 'app-1|u:2200001001|',
        platform: 'aliexpress',
        seller: { account: 'sg1234567abcd', country: '', sellerId: '2200001001', countries: [] },
      }),
    ]);
    expect(row.getAttribute('aria-label')).toBe('sg1234567abcd, Order Sync');
    expect(within(row).getByText('AliExpress · Order Sync · Seller ID 2200001001')).toBeTruthy();
  });

  it('shows the last error in human words', async () => {
    const { row } = await setup([
      aGrantView({
        health: 'failing',
        failures: 2,
        nextRefreshAt: PAGE_NOW + 5 * 60_000,
        lastError: {
          code: 'rate_limited',
          message: '{"code":"ApiCallLimit"}',
          retryable: true,
          platformCode: 'ApiCallLimit',
        },
      }),
    ]);
    expect(row.textContent).toContain('Too many requests');
    expect(row.textContent).toContain('(ApiCallLimit)');
    expect(row.textContent).toContain('Next refresh attempt in 5 minutes');
    expect(row.textContent).toContain('Refresh failing');
    expect(row.textContent).not.toContain('{');
  });

  it('shows when the next refresh is planned and why, and nothing for an app that cannot refresh', async () => {
    const planned = { nextRefreshAt: PAGE_NOW + 3 * DAY, refreshKeepsMs: 3 * DAY };
    const { row } = await setup([aGrantView(planned)]);
    expect(row.textContent).toContain('Next refresh 17 Dec 2026, 14:05 (keeps 3 days of access)');
    expect(row.textContent).toContain('if the browser is closed then, on its next start');
    cleanup();
    const unrefreshable = await setup([aGrantView({ ...planned, refreshable: false })]);
    expect(unrefreshable.row.textContent).not.toContain('Next refresh');
  });

  it('copies the access token on click, says "Copied", and never renders the token', async () => {
    const { client, actions, container } = await setup([aGrantView()], {
      'grants.accessToken': () => ({ accessToken: TOKEN, expiresAt: PAGE_NOW + DAY }),
    });
    expect(client.callsOf('grants.accessToken')).toHaveLength(0);
    fireEvent.click(screen.getByRole('button', { name: `Copy access token for ${LABEL}` }));
    expect(await screen.findByText('Copied')).toBeTruthy();
    expect(client.callsOf('grants.accessToken')).toEqual([{ grantId: 'app-1|u:10101|sg' }]);
    expect(actions.copied).toEqual([TOKEN]);
    expect(container.innerHTML).not.toContain(TOKEN);
  });

  it('shows why a copy failed', async () => {
    await setup([aGrantView()], {
      'grants.accessToken': () => {
        throw new SellerAuthError('refresh_token_invalid', 'Dead.');
      },
    });
    fireEvent.click(screen.getByRole('button', { name: `Copy access token for ${LABEL}` }));
    expect((await screen.findByRole('alert')).textContent).toContain('Authorization ended');
  });

  it('refreshes on "Refresh now", with a spinner, then shows the updated row', async () => {
    const reply = deferred<GrantView>();
    const { client, row } = await setup([aGrantView()], { 'grants.refresh': () => reply.promise });
    const button = screen.getByRole('button', { name: `Refresh now for ${LABEL}` });
    fireEvent.click(button);
    await waitFor(() => expect(button.getAttribute('aria-busy')).toBe('true'));
    expect(button.textContent).toContain('Refreshing...');
    reply.resolve(aGrantView({ accessExpiresAt: PAGE_NOW + 30 * DAY }));
    await waitFor(() => expect(row.textContent).toContain('Access token expires in 30 days'));
    expect(client.callsOf('grants.refresh')).toEqual([{ grantId: 'app-1|u:10101|sg' }]);
    expect(button.getAttribute('aria-busy')).toBe('false');
  });

  it('shows a failed refresh in words and lets the person try again', async () => {
    let attempts = 0;
    const { client } = await setup([aGrantView()], {
      'grants.refresh': () => {
        attempts += 1;
        if (attempts === 1) throw new SellerAuthError('network', 'fetch failed');
        return aGrantView();
      },
    });
    fireEvent.click(screen.getByRole('button', { name: `Refresh now for ${LABEL}` }));
    expect((await screen.findByRole('alert')).textContent).toContain('No connection');
    fireEvent.click(screen.getByRole('button', { name: `Try again for ${LABEL}` }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(client.callsOf('grants.refresh')).toHaveLength(2);
  });

  it('offers "Allow access" after a refresh found no host access: asks Chrome in the click, then refreshes', async () => {
    const denied = aGrantView({
      health: 'failing',
      failures: 1,
      lastError: {
        code: 'permission_denied',
        message: 'no access',
        retryable: false,
        origin: 'https://auth.lazada.com/*',
      },
    });
    for (const granted of [false, true]) {
      const client = createFakeClient({
        'apps.list': () => [anAppView()],
        'grants.list': () => [denied],
        'connect.status': () => null,
        'grants.refresh': () => aGrantView(),
      });
      const { actions } = renderWith(<App clock={clock} listPollMs={60_000} />, client);
      actions.grantAccess = granted;
      fireEvent.click(await screen.findByRole('button', { name: `Allow access for ${LABEL}` }));
      expect(actions.accessRequested).toEqual(['https://auth.lazada.com/*']);
      if (granted) {
        await waitFor(() => expect(client.callsOf('grants.refresh')).toHaveLength(1));
        await waitFor(() => expect(screen.queryByRole('button', { name: /^Allow access/ })).toBeNull());
      } else {
        await new Promise((resolve) => setTimeout(resolve, 0));
        expect(client.callsOf('grants.refresh')).toHaveLength(0);
      }
      cleanup();
    }
  });

  it('"Authorize again" starts a login for the same app, country and grant', async () => {
    const { client } = await setup([aGrantView()], {
      'connect.start': () => anAttemptView({ phase: 'succeeded' }),
    });
    fireEvent.click(screen.getByRole('button', { name: `Authorize again for ${LABEL}` }));
    expect(client.callsOf('connect.start')).toEqual([
      { appId: 'app-1', countries: ['sg'], reauthorizeGrantId: 'app-1|u:10101|sg' },
    ]);
  });

  it('"Authorize again" sends no countries for AliExpress', async () => {
    const grant = aGrantView({
      platform: 'aliexpress',
      seller: { account: 'ae_store', country: 'cn', countries: [] },
    });
    const { client } = await setup([grant], { 'connect.start': () => anAttemptView({ phase: 'succeeded' }) });
    fireEvent.click(screen.getByRole('button', { name: /^Authorize again for ae_store/ }));
    expect(client.callsOf('connect.start')).toEqual([{ appId: 'app-1', reauthorizeGrantId: grant.id }]);
  });

  it('offers only "Authorize again" and "Remove" for a shop that needs authorization', async () => {
    const { row } = await setup([
      aGrantView({ health: 'needs_authorization', status: 'needs_authorization' }),
    ]);
    const names = within(row)
      .getAllByRole('button')
      .map((button) => button.textContent);
    expect(names).toEqual(['Authorize again', 'Remove']);
  });

  it('removes a shop only after the inline confirmation', async () => {
    const { client, row, setListed } = await setup([aGrantView()], {
      'grants.remove': () => {
        setListed([]);
        return null;
      },
    });
    fireEvent.click(within(row).getByRole('button', { name: `Remove ${LABEL}` }));
    expect(row.textContent).toContain('Remove shop@example.com?');
    fireEvent.click(within(row).getByRole('button', { name: `Cancel removing ${LABEL}` }));
    expect(client.callsOf('grants.remove')).toHaveLength(0);

    fireEvent.click(within(row).getByRole('button', { name: `Remove ${LABEL}` }));
    fireEvent.click(within(row).getByRole('button', { name: `Yes, remove ${LABEL}` }));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: LABEL })).toBeNull());
    expect(client.callsOf('grants.remove')).toEqual([{ grantId: 'app-1|u:10101|sg' }]);
  });

  it('keeps the shop and explains when removing fails', async () => {
    const { row } = await setup([aGrantView()], {
      'grants.remove': () => {
        throw new SellerAuthError('storage_failed', 'Transaction aborted.');
      },
    });
    fireEvent.click(within(row).getByRole('button', { name: `Remove ${LABEL}` }));
    fireEvent.click(within(row).getByRole('button', { name: `Yes, remove ${LABEL}` }));
    expect((await within(row).findByRole('alert')).textContent).toContain('Could not save');
    expect(screen.getByRole('listitem', { name: LABEL })).toBeTruthy();
  });

  it('names every button after its shop, so rows can be told apart', async () => {
    const other = aGrantView({
      id: 'app-1|u:2|my',
      seller: { account: 'shop@example.com', country: 'my', countries: [] },
    });
    await setup([aGrantView(), other]);
    expect(screen.getAllByRole('button', { name: /^Copy access token for shop@example\.com/ })).toHaveLength(
      2,
    );
    expect(
      screen.getByRole('button', { name: 'Copy access token for shop@example.com, Malaysia, Order Sync' }),
    ).toBeTruthy();
  });
});
