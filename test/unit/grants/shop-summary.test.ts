/** The worker's shop list query: filters, search, the attention order, the window and the counts. */
import { describe, expect, it } from 'vitest';
import type { Grant } from '../../../src/grants/model';
import { createShopSummary } from '../../../src/grants/shop-summary';
import { EMPTY_FILTER } from '../../../src/popup/empty-filter';
import type { GrantQuery } from '../../../src/shared/grant-query';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import { aGrant, DAY, T0 } from '../../support/builders';

const NOW = T0 + DAY;

/** Shop `n`: Lazada Singapore, healthy, its deadline `n` days after the others'. */
function shop(n: number, overrides: Partial<Grant> = {}): Grant {
  return aGrant({
    id: `app-1|u:${n}|sg`,
    seller: {
      account: `shop-${n}@example.com`,
      country: 'sg',
      userId: String(n),
      sellerId: `S${n}`,
      countries: [{ country: 'sg', userId: String(n), sellerId: `S${n}` }],
    },
    refreshExpiresAt: T0 + (30 + n) * DAY,
    ...overrides,
  });
}

function query(overrides: Partial<GrantQuery> = {}): GrantQuery {
  return { ...EMPTY_FILTER, offset: 0, limit: 50, ...overrides };
}

function summaryOf(grants: Grant[], appNames: Record<string, string> = { 'app-1': 'Main app' }) {
  const summary = createShopSummary();
  summary.replaceAll(grants, new Map(Object.entries(appNames)));
  return summary;
}

describe('shop summary query', () => {
  const grants = [
    shop(1),
    shop(2, { status: 'needs_authorization' }),
    shop(3, { failures: 2 }),
    shop(4, { refreshExpiresAt: NOW + 3 * DAY }),
    shop(5, { platform: 'aliexpress', appId: 'app-2' }),
    shop(6, { movedAt: NOW - DAY }),
  ];

  it('answers needs attention first, moved last, then the nearest deadline', () => {
    const result = summaryOf(grants).query(query(), DEFAULT_SETTINGS, NOW);
    expect(result.ids).toEqual([
      'app-1|u:2|sg',
      'app-1|u:3|sg',
      'app-1|u:4|sg',
      'app-1|u:1|sg',
      'app-1|u:5|sg',
      'app-1|u:6|sg',
    ]);
    expect(result.rows.map((row) => row.health)).toEqual([
      'needs_authorization',
      'failing',
      'expiring',
      'connected',
      'connected',
      'moved',
    ]);
    expect(result).toMatchObject({ total: 6, shops: 6, offset: 0, countries: ['sg'] });
  });

  it('sends views without tokens', () => {
    const text = JSON.stringify(summaryOf(grants).query(query(), DEFAULT_SETTINGS, NOW));
    expect(text).not.toContain('token-secret');
  });

  it('filters by platform, app, country and health, and counts health over the other filters', () => {
    const summary = summaryOf(grants);
    expect(summary.query(query({ platform: 'aliexpress' }), DEFAULT_SETTINGS, NOW).ids).toEqual([
      'app-1|u:5|sg',
    ]);
    expect(summary.query(query({ appId: 'app-2' }), DEFAULT_SETTINGS, NOW).total).toBe(1);
    expect(summary.query(query({ country: 'my' }), DEFAULT_SETTINGS, NOW).total).toBe(0);
    const attention = summary.query(query({ health: 'attention' }), DEFAULT_SETTINGS, NOW);
    expect(attention.ids).toEqual(['app-1|u:2|sg', 'app-1|u:3|sg', 'app-1|u:4|sg']);
    expect(attention.counts).toEqual({
      needs_authorization: 1,
      failing: 1,
      expiring: 1,
      connected: 2,
      moved: 1,
    });
    expect(summary.query(query({ health: 'failing' }), DEFAULT_SETTINGS, NOW).ids).toEqual(['app-1|u:3|sg']);
  });

  it('searches every word in the account, ids, country names, platform and app name', () => {
    const summary = summaryOf(grants, { 'app-1': 'Main app', 'app-2': 'Other tools' });
    expect(summary.query(query({ text: 'shop-3@' }), DEFAULT_SETTINGS, NOW).ids).toEqual(['app-1|u:3|sg']);
    expect(summary.query(query({ text: 'S5' }), DEFAULT_SETTINGS, NOW).ids).toEqual(['app-1|u:5|sg']);
    expect(summary.query(query({ text: 'other TOOLS' }), DEFAULT_SETTINGS, NOW).total).toBe(1);
    expect(summary.query(query({ text: 'aliexpress singapore' }), DEFAULT_SETTINGS, NOW).total).toBe(1);
    expect(summary.query(query({ text: 'main nowhere' }), DEFAULT_SETTINGS, NOW).total).toBe(0);
  });

  it('answers a window, and starts it at the page holding `around`', () => {
    const many = Array.from({ length: 250 }, (_, index) => shop(index + 1));
    const summary = summaryOf(many);
    const second = summary.query(query({ offset: 100, limit: 100 }), DEFAULT_SETTINGS, NOW);
    expect(second.ids).toHaveLength(100);
    expect(second.ids[0]).toBe('app-1|u:101|sg');
    expect(second.total).toBe(250);
    const around = summary.query(query({ limit: 50, around: 'app-1|u:120|sg' }), DEFAULT_SETTINGS, NOW);
    expect(around.offset).toBe(100);
    expect(around.ids).toContain('app-1|u:120|sg');
    // Past the end (the list shrank meanwhile): the last window with rows.
    const past = summary.query(query({ offset: 400, limit: 50 }), DEFAULT_SETTINGS, NOW);
    expect(past.offset).toBe(200);
    expect(past.ids).toHaveLength(50);
  });

  it('caps a window at 100 rows whatever is asked', () => {
    const many = Array.from({ length: 300 }, (_, index) => shop(index + 1));
    expect(summaryOf(many).query(query({ limit: 1000 }), DEFAULT_SETTINGS, NOW).rows).toHaveLength(100);
  });

  it('sends again only the rows the page lacks or that changed', () => {
    const result = summaryOf(grants).query(
      query({ have: ['app-1|u:1|sg', 'app-1|u:2|sg', 'app-1|u:3|sg'], changed: ['app-1|u:3|sg'] }),
      DEFAULT_SETTINGS,
      NOW,
    );
    expect(result.ids).toHaveLength(6);
    expect(result.rows.map((row) => row.id).sort()).toEqual([
      'app-1|u:3|sg',
      'app-1|u:4|sg',
      'app-1|u:5|sg',
      'app-1|u:6|sg',
    ]);
  });

  it('follows one shop put in place or removed, and the badge count with it', () => {
    const summary = summaryOf([shop(1), shop(2)]);
    expect(summary.attentionCount(DEFAULT_SETTINGS, NOW)).toBe(0);
    summary.set('app-1|u:2|sg', shop(2, { status: 'needs_authorization' }), 'Main app');
    expect(summary.attentionCount(DEFAULT_SETTINGS, NOW)).toBe(1);
    expect(summary.query(query(), DEFAULT_SETTINGS, NOW).ids[0]).toBe('app-1|u:2|sg');
    summary.set('app-1|u:2|sg', undefined, '');
    expect(summary.size()).toBe(1);
    expect(summary.attentionCount(DEFAULT_SETTINGS, NOW)).toBe(0);
  });

  it('counts on the badge a deadline within 7 days even with later reminders off', () => {
    const summary = summaryOf([shop(1, { refreshExpiresAt: NOW + 5 * DAY })]);
    expect(summary.attentionCount({ ...DEFAULT_SETTINGS, reminderDays: [] }, NOW)).toBe(1);
  });

  it('keeps the first reply of 5,000 shops under 50 KB', () => {
    const many = Array.from({ length: 5000 }, (_, index) => shop(index + 1, { failures: index % 7 }));
    const result = summaryOf(many).query(query(), DEFAULT_SETTINGS, NOW);
    expect(result.total).toBe(5000);
    expect(JSON.stringify(result).length).toBeLessThan(50 * 1024);
  });
});
