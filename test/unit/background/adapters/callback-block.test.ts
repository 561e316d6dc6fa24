import { describe, expect, it, vi } from 'vitest';
import {
  callbackBlockRule,
  callbackUrlFilter,
  createCallbackBlocker,
  type SessionRulesApi,
} from '../../../../src/background/adapters/callback-block';

function fakeSessionRules(existingIds: number[]) {
  const ids = new Set(existingIds);
  const api = {
    getSessionRules: vi.fn(async () => [...ids].map((id) => ({ id }))),
    updateSessionRules: vi.fn(
      async ({ addRules = [], removeRuleIds = [] }: Parameters<SessionRulesApi['updateSessionRules']>[0]) => {
        for (const id of removeRuleIds) ids.delete(id);
        for (const rule of addRules) {
          if (ids.has(rule.id)) throw new Error(`Rule with id ${rule.id} already exists`);
          ids.add(rule.id);
        }
      },
    ),
  } satisfies SessionRulesApi;
  return { ...api, ids };
}

describe('callbackUrlFilter', () => {
  it.each([
    ['https://app.example.com/oauth/callback', '|https://app.example.com/oauth/callback^'],
    // As Chrome matches it: lower-case host, no default port, no query.
    ['https://App.Example.com:443/cb?from=console', '|https://app.example.com/cb^'],
    ['http://127.0.0.1:4567/callback', '|http://127.0.0.1:4567/callback^'],
    ['https://shop.example', '|https://shop.example/^'],
  ])('%s gives %s', (callback, filter) => {
    expect(callbackUrlFilter(callback)).toBe(filter);
  });

  it('is one rule per login tab: block, that tab, main frame only', () => {
    expect(callbackBlockRule(42, 'https://app.example.com/cb')).toEqual({
      id: 42,
      priority: 1,
      action: { type: 'block' },
      condition: { tabIds: [42], urlFilter: '|https://app.example.com/cb^', resourceTypes: ['main_frame'] },
    });
  });
});

describe('callback blocker', () => {
  it('removes the rules an earlier worker left before adding its own', async () => {
    const rules = fakeSessionRules([3, 9]);
    const blocker = createCallbackBlocker(rules);
    await blocker.block(7, 'https://app.example.com/cb');
    expect([...rules.ids]).toEqual([7]);
    expect(rules.updateSessionRules.mock.calls[0]?.[0]).toEqual({ removeRuleIds: [3, 9] });
  });

  it('adds nothing at start when no rule is left', async () => {
    const rules = fakeSessionRules([]);
    const blocker = createCallbackBlocker(rules);
    await blocker.unblock(7);
    expect(rules.updateSessionRules.mock.calls).toEqual([[{ removeRuleIds: [7] }]]);
  });

  it('replaces the rule of a tab blocked twice, and unblock removes it', async () => {
    const rules = fakeSessionRules([]);
    const blocker = createCallbackBlocker(rules);
    await blocker.block(7, 'https://app.example.com/cb');
    await blocker.block(7, 'https://app.example.com/other');
    expect([...rules.ids]).toEqual([7]);
    await blocker.unblock(7);
    expect(rules.ids.size).toBe(0);
  });

  it('still blocks when the start-up clean-up failed', async () => {
    const rules = fakeSessionRules([3]);
    rules.getSessionRules.mockRejectedValueOnce(new Error('Internal error'));
    const blocker = createCallbackBlocker(rules);
    await blocker.block(7, 'https://app.example.com/cb');
    expect(rules.ids.has(7)).toBe(true);
  });
});
