/**
 * The list's first paint holds only the rows a popup can show; the rest of the window follows right
 * after it. Rendered with preact's own `render` (no act), so the paint between the two is observable.
 */
import { render } from 'preact';
import { afterEach, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../../src/popup/empty-filter';
import { ShopList } from '../../../src/popup/ShopList';
import { PAGE_SIZE } from '../../../src/popup/use-shops';
import { ClientProvider } from '../../../src/ui/client';
import { PageActionsProvider } from '../../../src/ui/open-page';
import { anAppView, manyGrantViews, PAGE_NOW } from '../../support/builders';
import { createFakeClient, createFakePageActions } from '../ui/fake-client';

const host = document.createElement('div');
afterEach(() => render(null, host));

const rows = manyGrantViews(PAGE_SIZE);
const counts = { connected: PAGE_SIZE, expiring: 0, failing: 0, needs_authorization: 0, moved: 0 };
const page = { rows, offset: 0, total: 5000, shops: 5000, counts, countries: ['sg'], filter: EMPTY_FILTER };
const apps = [anAppView({ id: 'app-1' })];
const noop = () => {};
const shown = () => host.querySelectorAll('li[data-grant-id]').length;

function renderList(connectBusy: boolean) {
  render(
    <ClientProvider client={createFakeClient()}>
      <PageActionsProvider actions={createFakePageActions()}>
        <ShopList
          page={page}
          filter={EMPTY_FILTER}
          loadFailed={false}
          apps={apps}
          now={PAGE_NOW}
          connectBusy={connectBusy}
          onFilter={noop}
          onPage={noop}
          onReauthorize={noop}
          onChanged={noop}
          onRemoved={noop}
        />
      </PageActionsProvider>
    </ClientProvider>,
    host,
  );
}

it('paints the first rows of the window at once and the whole window a frame later', async () => {
  renderList(false);
  expect(shown()).toBeGreaterThan(0);
  expect(shown()).toBeLessThan(PAGE_SIZE / 4);
  await expect.poll(shown).toBe(PAGE_SIZE);
  expect(
    [...host.querySelectorAll('li[data-grant-id]')].map((row) => row.getAttribute('data-grant-id')),
  ).toEqual(rows.map((row) => row.id));
});

// Preact runs a component's pending effects when it renders again: another start-up reply (the login
// status) rendering the list before the paint must not bring the whole window into that first frame.
it('keeps the first paint short when the list renders again before it', async () => {
  renderList(false);
  renderList(true);
  expect(shown()).toBeLessThan(PAGE_SIZE / 4);
  await expect.poll(shown).toBe(PAGE_SIZE);
});
