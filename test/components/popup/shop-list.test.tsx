/**
 * The popup's shop list at agency scale: one window of rows from the worker's query, paged, with
 * search and filters answered over every shop (here by the fake worker, over plain views).
 */
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from '../../../src/popup/App';
import { PAGE_SIZE } from '../../../src/popup/use-shops';
import { SellerAuthError } from '../../../src/shared/errors';
import type { GrantView } from '../../../src/shared/model';
import { anAppView, manyGrantViews, PAGE_NOW } from '../../support/builders';
import { queryViews } from '../../support/view-query';
import { createFakeClient, type FakeClient } from '../ui/fake-client';
import { renderWith } from './fixtures';

afterEach(cleanup);

const clock = () => PAGE_NOW;

function renderList(shops: GrantView[], client?: FakeClient) {
  const fake =
    client ??
    createFakeClient({
      'apps.list': () => [anAppView({ id: 'app-1', name: 'Main app' })],
      'grants.list': () => shops,
      'connect.status': () => null,
    });
  return { ...renderWith(<App clock={clock} />, fake), client: fake };
}

/** Rows are read from the DOM directly: role queries over hundreds of rows are slow in happy-dom. */
function renderedIds(container: ParentNode): string[] {
  return [...container.querySelectorAll('li[data-grant-id]')].map(
    (row) => row.getAttribute('data-grant-id') ?? '',
  );
}

async function rowsShown(container: ParentNode, count: number) {
  await waitFor(() => expect(renderedIds(container)).toHaveLength(count));
}

describe('shop list', () => {
  it('shows no search or filters for a handful of shops', async () => {
    const { container } = renderList(manyGrantViews(8));
    await rowsShown(container, 8);
    expect(screen.queryByRole('searchbox', { name: 'Search shops' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Status' })).toBeNull();
  });

  it('holds and renders one window of 5,000 shops, and pages through them', async () => {
    const { container, client } = renderList(manyGrantViews(5000));
    await rowsShown(container, PAGE_SIZE);
    const firstPage = renderedIds(container);
    expect(screen.getByText('Showing 1–50 of 5,000 shops')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Previous' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(screen.getByText('Showing 51–100 of 5,000 shops')).toBeTruthy());
    expect(renderedIds(container)).toHaveLength(PAGE_SIZE);
    expect(renderedIds(container)).not.toContain(firstPage[0]);
    const query = client.callsOf('grants.query').at(-1);
    expect(query).toMatchObject({ offset: 50, limit: PAGE_SIZE });

    fireEvent.click(screen.getByRole('button', { name: 'Previous' }));
    await waitFor(() => expect(renderedIds(container)).toEqual(firstPage));
  });

  it('asks the worker with the search text, across the whole list, not just the rendered page', async () => {
    const { container, client } = renderList(manyGrantViews(5000));
    await rowsShown(container, PAGE_SIZE);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search shops' }), {
      target: { value: 'seller4321@' },
    });
    await waitFor(() => expect(renderedIds(container)).toEqual(['app-1|u:4321|my']));
    expect(screen.getByText('Showing 1–1 of 1 shops')).toBeTruthy();
    expect(client.callsOf('grants.query').at(-1)).toMatchObject({ text: 'seller4321@', offset: 0 });
  });

  it('filters by status and platform, the status choices counting the shops', async () => {
    const { container } = renderList(manyGrantViews(40));
    await rowsShown(container, 40);
    const status = screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement;
    expect([...status.options].map((option) => option.textContent)).toContain('Needs authorization (10)');
    fireEvent.change(status, { target: { value: 'needs_authorization' } });
    await rowsShown(container, 10);
    const platform = screen.getByRole('combobox', { name: 'Platform' }) as HTMLSelectElement;
    fireEvent.change(platform, { target: { value: 'aliexpress' } });
    // manyGrantViews: index % 4 === 3 needs authorization, index % 3 === 0 is on AliExpress.
    await rowsShown(container, 4);
    const shown = renderedIds(container).map((id) => Number(id.split('|')[1]?.slice(2)));
    expect(shown.sort((a, b) => a - b)).toEqual([3, 15, 27, 39]);
  });

  it('filters by a country present in the list', async () => {
    const { container } = renderList(manyGrantViews(24));
    await rowsShown(container, 24);
    const country = screen.getByRole('combobox', { name: 'Country' }) as HTMLSelectElement;
    const offered = [...country.options].map((option) => option.textContent);
    expect(offered).toEqual([
      'All countries',
      'Indonesia',
      'Malaysia',
      'Philippines',
      'Singapore',
      'Thailand',
      'Vietnam',
    ]);
    fireEvent.change(country, { target: { value: 'vn' } });
    await rowsShown(container, 4);
    expect(renderedIds(container).every((id) => id.endsWith('|vn'))).toBe(true);
  });

  it('filters by app once there is more than one', async () => {
    const shops = manyGrantViews(12).map((view, index) =>
      index < 3 ? { ...view, appId: 'app-2', appName: 'Price bot' } : view,
    );
    const client = createFakeClient({
      'apps.list': () => [
        anAppView({ id: 'app-1', name: 'Main app' }),
        anAppView({ id: 'app-2', name: 'Price bot' }),
      ],
      'grants.list': () => shops,
      'connect.status': () => null,
    });
    const { container } = renderList(shops, client);
    await rowsShown(container, 12);
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by app' }), { target: { value: 'app-2' } });
    await rowsShown(container, 3);
  });

  it('says when nothing matches and clears the filters on request', async () => {
    const { container } = renderList(manyGrantViews(12));
    await rowsShown(container, 12);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search shops' }), {
      target: { value: 'nobody-here' },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Clear search and filters' }));
    await rowsShown(container, 12);
    expect((screen.getByRole('searchbox', { name: 'Search shops' }) as HTMLInputElement).value).toBe('');
  });

  it('shows no rows of an earlier search under one whose query failed, and the rows once retried', async () => {
    const shops = manyGrantViews(40);
    const client = createFakeClient({
      'apps.list': () => [anAppView({ id: 'app-1', name: 'Main app' })],
      'connect.status': () => null,
    });
    let failing = false;
    client.handlers['grants.query'] = (query) => {
      if (failing) throw new SellerAuthError('storage_failed', 'Could not read the shops.');
      return queryViews(shops, query);
    };
    const { container } = renderList(shops, client);
    await rowsShown(container, 40);

    failing = true;
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search shops' }), {
      target: { value: 'seller7@' },
    });
    await screen.findByText('The shops for this search and these filters could not be loaded.');
    expect(renderedIds(container)).toEqual([]);
    expect(screen.queryByText(/^Showing /)).toBeNull();

    failing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(renderedIds(container)).toEqual(['app-1|u:7|my']));
  });

  it('opens on the window holding a shop a notification was about', async () => {
    const shops = manyGrantViews(300);
    const target = shops[230]!;
    const client = createFakeClient({
      'apps.list': () => [anAppView()],
      'grants.list': () => shops,
      'connect.status': () => null,
    });
    const { container } = renderWith(<App clock={clock} focusGrantId={target.id} />, client);
    await waitFor(() => expect(renderedIds(container)).toContain(target.id));
    expect(client.callsOf('grants.query')[0]).toMatchObject({ around: target.id });
    expect(container.querySelector('[aria-current="true"]')?.getAttribute('data-grant-id')).toBe(target.id);
  });
});
