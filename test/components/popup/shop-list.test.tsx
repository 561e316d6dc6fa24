import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_SIZE, ShopList } from '../../../src/popup/ShopList';
import type { GrantView } from '../../../src/shared/model';
import { aGrantView, DAY, manyGrantViews, PAGE_NOW } from '../../support/builders';
import { createFakeClient } from '../ui/fake-client';
import { renderWith } from './fixtures';

afterEach(cleanup);

function renderList(shops: GrantView[]) {
  const noop = () => undefined;
  return renderWith(
    <ShopList
      shops={shops}
      now={PAGE_NOW}
      connectBusy={false}
      onReauthorize={noop}
      onChanged={noop}
      onRemoved={noop}
    />,
    createFakeClient(),
  );
}

/** Rows are read from the DOM directly: role queries over hundreds of rows are slow in happy-dom. */
function renderedIds(container: ParentNode): string[] {
  return [...container.querySelectorAll('li[data-grant-id]')].map(
    (row) => row.getAttribute('data-grant-id') ?? '',
  );
}

describe('shop list', () => {
  it('shows no search or filters for a handful of shops', () => {
    renderList(manyGrantViews(8));
    expect(screen.queryByRole('searchbox', { name: 'Search shops' })).toBeNull();
    expect(screen.queryByRole('combobox', { name: 'Status' })).toBeNull();
  });

  it('renders 5,000 shops a page at a time, and "Show more" adds the next page', async () => {
    const started = performance.now();
    const { container } = renderList(manyGrantViews(5000));
    const firstPage = renderedIds(container);
    expect(firstPage).toHaveLength(PAGE_SIZE);
    expect(performance.now() - started).toBeLessThan(5000);
    expect(screen.getByText('Showing 50 of 5,000 shops')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(renderedIds(container)).toHaveLength(2 * PAGE_SIZE));
    expect(renderedIds(container).slice(0, PAGE_SIZE)).toEqual(firstPage);
  });

  // The worker sorts (needs attention first: test/unit/grants/health.test.ts); the list keeps its order.
  it('shows the shops in the order the worker listed them', () => {
    const { container } = renderList([
      aGrantView({ id: 'dead', health: 'needs_authorization', status: 'needs_authorization' }),
      aGrantView({ id: 'failing', health: 'failing' }),
      aGrantView({ id: 'later', refreshExpiresAt: PAGE_NOW + 60 * DAY }),
      aGrantView({ id: 'sooner', refreshExpiresAt: PAGE_NOW + 3 * DAY }),
    ]);
    expect(renderedIds(container)).toEqual(['dead', 'failing', 'later', 'sooner']);
  });

  it('narrows the list as staff type, across the whole list, not just the rendered page', async () => {
    const { container } = renderList(manyGrantViews(5000));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search shops' }), {
      target: { value: 'seller4321@' },
    });
    await waitFor(() => expect(renderedIds(container)).toEqual(['app-1|u:4321|my']));
    expect(screen.getByText('Showing 1 of 1 shops')).toBeTruthy();
  });

  it('filters by status and platform', async () => {
    const { container } = renderList(manyGrantViews(40));
    const status = screen.getByRole('combobox', { name: 'Status' }) as HTMLSelectElement;
    fireEvent.change(status, { target: { value: 'needs_authorization' } });
    await waitFor(() => expect(renderedIds(container)).toHaveLength(10));
    const platform = screen.getByRole('combobox', { name: 'Platform' }) as HTMLSelectElement;
    fireEvent.change(platform, { target: { value: 'aliexpress' } });
    // manyGrantViews: index % 4 === 3 needs authorization, index % 3 === 0 is on AliExpress.
    await waitFor(() => expect(renderedIds(container)).toHaveLength(4));
    const shown = renderedIds(container).map((id) => Number(id.split('|')[1]?.slice(2)));
    expect(shown.sort((a, b) => a - b)).toEqual([3, 15, 27, 39]);
  });

  it('filters by a country present in the list', async () => {
    const { container } = renderList(manyGrantViews(24));
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
    await waitFor(() => expect(renderedIds(container)).toHaveLength(4));
    expect(renderedIds(container).every((id) => id.endsWith('|vn'))).toBe(true);
  });

  it('says when nothing matches and clears the filters on request', async () => {
    const { container } = renderList(manyGrantViews(12));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search shops' }), {
      target: { value: 'nobody-here' },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(renderedIds(container)).toHaveLength(12));
    expect((screen.getByRole('searchbox', { name: 'Search shops' }) as HTMLInputElement).value).toBe('');
  });
});
