import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { ConsentPage } from '../../../src/consent/ConsentPage';
import type { ConsentRequestView } from '../../../src/shared/tools';
import { ClientProvider } from '../../../src/ui/client';
import { PageActionsProvider } from '../../../src/ui/open-page';
import { PAGE_NOW } from '../../support/builders';
import { createFakeClient, createFakePageActions } from '../ui/fake-client';

afterEach(cleanup);

const TOOL_ID = 'abcdefghijklmnopabcdefghijklmnop';
const shop = (id: string, name: string, country: string) => ({
  id,
  name,
  platform: 'lazada' as const,
  country,
  countries: [{ country }],
  health: 'connected' as const,
  accessExpiresAt: PAGE_NOW + 1000,
  refreshExpiresAt: PAGE_NOW + 2000,
});
const request: ConsentRequestView = {
  id: 'r1',
  caller: { kind: 'extension', id: TOOL_ID, declaredName: 'Order Tool' },
  askedShops: [],
  askedMode: 'proxy',
  shops: [shop('g1', 'sg.seller@x.test', 'sg'), shop('g2', 'my.seller@x.test', 'my')],
  apiOrigins: { g1: 'https://api.lazada.sg/*', g2: 'https://api.lazada.com.my/*' },
};

function renderConsent() {
  const worker = createFakeClient({ 'consent.get': () => request, 'consent.answer': () => null });
  const asked: string[][] = [];
  let closed = 0;
  render(
    <PageActionsProvider actions={createFakePageActions()}>
      <ClientProvider client={worker}>
        <ConsentPage
          requestId="r1"
          requestHostAccess={async (origins) => {
            asked.push([...origins]);
            return true;
          }}
          closeWindow={() => {
            closed += 1;
          }}
        />
      </ClientProvider>
    </PageActionsProvider>,
  );
  return { worker, asked, closed: () => closed };
}

describe('the consent window', () => {
  it('names the extension and its unverified name, and answers the shops and mode picked', async () => {
    const { worker, asked, closed } = renderConsent();
    await waitFor(() => screen.getByText(TOOL_ID));
    expect(screen.getByRole('main').textContent).toContain('It calls itself “Order Tool” (not verified).');
    const allow = screen.getByRole('button', { name: 'Allow' });
    expect(allow).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('checkbox', { name: /my\.seller/ }));
    fireEvent.click(screen.getByRole('radio', { name: /access tokens/ }));
    fireEvent.click(allow);
    await waitFor(() => expect(closed()).toBe(1));
    expect(asked).toEqual([['https://api.lazada.com.my/*']]);
    expect(worker.callsOf('consent.answer')).toEqual([
      { id: 'r1', approve: true, shopIds: ['g2'], mode: 'tokens' },
    ]);
  });

  it('answers a refusal on Deny, asking Chrome for nothing', async () => {
    const { worker, asked, closed } = renderConsent();
    await waitFor(() => screen.getByText(TOOL_ID));
    fireEvent.click(screen.getByRole('button', { name: 'Deny' }));
    await waitFor(() => expect(closed()).toBe(1));
    expect(asked).toEqual([]);
    expect(worker.callsOf('consent.answer')[0]).toMatchObject({ approve: false });
  });
});
