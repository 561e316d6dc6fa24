import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_LIMIT } from '../../../src/options/ActivitySection';
import type { ActivityEntry } from '../../../src/shared/model';
import { describeError } from '../../../src/ui/error-words';
import { formatDate, relativeTime } from '../../../src/ui/time-words';
import { aGrantView, anActivityEntry, manyGrantViews, PAGE_NOW } from '../../support/builders';
import { renderOptions } from './options-fixtures';

function activitySection() {
  return within(screen.getByRole('region', { name: 'Activity' }));
}

function bodyRows() {
  return activitySection()
    .getAllByRole('row')
    .slice(1)
    .map((row) =>
      within(row)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    );
}

const SG = 'app-1|u:101|sg';
const MY = 'app-1|u:202|my';

const entries: ActivityEntry[] = [
  anActivityEntry({
    id: 1,
    at: PAGE_NOW - 3 * 3_600_000,
    kind: 'authorized',
    grantId: SG,
    account: 'sg@shop.test',
  }),
  anActivityEntry({
    id: 2,
    at: PAGE_NOW - 120_000,
    kind: 'refresh_failed',
    grantId: MY,
    account: 'my@shop.test',
    errorCode: 'rate_limited',
  }),
  anActivityEntry({
    id: 3,
    at: PAGE_NOW - 2 * 86_400_000,
    kind: 'reminded',
    grantId: MY,
    account: 'my@shop.test',
  }),
];

describe('activity log', () => {
  it('says so when there is no activity yet', async () => {
    renderOptions();
    expect(await activitySection().findByText('No activity yet')).toBeTruthy();
  });

  it('lists events newest first with time, shop, event and outcome in words', async () => {
    renderOptions({ handlers: { 'activity.list': () => entries } });
    await activitySection().findByRole('table');
    const rateLimited = describeError({ code: 'rate_limited', message: '', retryable: true });
    expect(bodyRows()).toEqual([
      [
        `${formatDate(PAGE_NOW - 120_000)} · ${relativeTime(PAGE_NOW - 120_000, PAGE_NOW)}`,
        'my@shop.test',
        'Refresh failed',
        `${rateLimited.title}: ${rateLimited.detail}`,
      ],
      [
        `${formatDate(PAGE_NOW - 3 * 3_600_000)} · ${relativeTime(PAGE_NOW - 3 * 3_600_000, PAGE_NOW)}`,
        'sg@shop.test',
        'Authorized',
        '',
      ],
      [
        `${formatDate(PAGE_NOW - 2 * 86_400_000)} · ${relativeTime(PAGE_NOW - 2 * 86_400_000, PAGE_NOW)}`,
        'my@shop.test',
        'Reminder sent',
        '',
      ],
    ]);
  });

  it.each([
    ['refreshed', 'Refreshed'],
    ['needs_authorization', 'Needs authorization'],
    ['removed', 'Removed'],
    ['connect_failed', 'Connect failed'],
  ] as const)('names the %s event "%s"', async (kind, label) => {
    renderOptions({ handlers: { 'activity.list': () => [anActivityEntry({ kind })] } });
    await activitySection().findByRole('table');
    expect(bodyRows()[0]?.[2]).toBe(label);
  });

  it('filters by shop through the worker', async () => {
    const { worker } = renderOptions({
      handlers: {
        'activity.list': ({ grantId }) => entries.filter((entry) => !grantId || entry.grantId === grantId),
        'grants.list': () => [
          aGrantView({
            id: SG,
            appName: 'Shop tools',
            seller: { account: 'sg@shop.test', country: 'sg', countries: [] },
          }),
        ],
      },
    });
    await activitySection().findByRole('table');
    const filter = activitySection().getByLabelText('Shop');
    const options = within(filter)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(options).toEqual(['All shops', 'my@shop.test', 'sg@shop.test (SG) · Shop tools']);

    fireEvent.change(filter, { target: { value: MY } });
    await waitFor(() => expect(bodyRows().map((row) => row[2])).toEqual(['Refresh failed', 'Reminder sent']));
    expect(worker.callsOf('activity.list').at(-1)).toMatchObject({ grantId: MY });
    expect(activitySection().queryByText('sg@shop.test')).toBeNull();
  });

  it('reads the log again when the worker signals a change, for the shop chosen', async () => {
    let stored = entries;
    const { worker, events } = renderOptions({
      handlers: {
        'activity.list': ({ grantId }) => stored.filter((entry) => !grantId || entry.grantId === grantId),
      },
    });
    await activitySection().findByRole('table');
    fireEvent.change(activitySection().getByLabelText('Shop'), { target: { value: MY } });
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    const reads = worker.callsOf('activity.list').length;

    stored = [
      anActivityEntry({
        id: 4,
        at: PAGE_NOW - 1_000,
        kind: 'refreshed',
        grantId: MY,
        account: 'my@shop.test',
      }),
      ...entries,
    ];
    events.emit();

    await waitFor(() =>
      expect(bodyRows().map((row) => row[2])).toEqual(['Refreshed', 'Refresh failed', 'Reminder sent']),
    );
    expect(worker.callsOf('activity.list').slice(reads)).toEqual([{ limit: ACTIVITY_LIMIT, grantId: MY }]);
  });

  it('offers the shops a search finds through the worker, never the whole list', async () => {
    const shops = manyGrantViews(300);
    const { worker } = renderOptions({
      handlers: { 'activity.list': () => [], 'grants.list': () => shops },
    });
    const filter = activitySection().getByLabelText('Shop');
    await waitFor(() => expect(within(filter).getAllByRole('option')).toHaveLength(101));
    expect(worker.callsOf('grants.list')).toEqual([]);

    fireEvent.input(activitySection().getByLabelText('Find a shop'), { target: { value: 'seller123@' } });
    await waitFor(() =>
      expect(
        within(filter)
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['All shops', expect.stringContaining('seller123@example.com')]),
    );
    expect(worker.callsOf('grants.query').at(-1)).toMatchObject({ text: 'seller123@', limit: 100 });
  });

  it('names an AliExpress shop, which has no venture, by account and app only', async () => {
    renderOptions({
      handlers: {
        'activity.list': () => [],
        'grants.list': () => [
          aGrantView({
            id: 'app-2|u:22|',
            appName: 'Shop tools',
            seller: { account: 'nick', country: '', countries: [] },
          }),
        ],
      },
    });
    const filter = activitySection().getByLabelText('Shop');
    await within(filter).findByRole('option', { name: 'nick · Shop tools' });
  });
});
