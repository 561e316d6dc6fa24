import { describe, expect, it } from 'vitest';
import type { SellerIdentity } from '../../../src/shared/platform';
import { approveWith, createHarness, type Harness, seller } from './harness';

const MINUTE = 60_000;
const DAY = 86_400_000;

async function connect(h: Harness, appId: string, who: SellerIdentity, code: string) {
  h.tokens.addCode(code, who);
  h.windows.identity.script = approveWith(code);
  const attempt = await h.send('connect.start', { appId });
  if (!attempt.grantId) throw new Error(`connect failed: ${attempt.error?.code}`);
  return attempt.grantId;
}

describe('grants.list', () => {
  it('lists views without tokens, needs-attention first', async () => {
    const h = createHarness();
    const app = await h.addApp({ name: 'Main app' });
    const healthy = await connect(h, app.id, seller('a@shop.sg', '1'), 'c1');
    const dying = await connect(h, app.id, seller('b@shop.sg', '2'), 'c2');
    await h.stores.grants.update(dying, (grant) => grant && { ...grant, status: 'needs_authorization' });

    const views = await h.send('grants.list');

    expect(views.map((view) => [view.id, view.health])).toEqual([
      [dying, 'needs_authorization'],
      [healthy, 'connected'],
    ]);
    expect(views[0]).toMatchObject({ appName: 'Main app', seller: { account: 'b@shop.sg' } });
    const text = JSON.stringify(views);
    expect(text).not.toContain('fake-access-token');
    expect(text).not.toContain('fake-refresh-token');
  });
});

describe("grants.list with this computer's clock off the platform's", () => {
  it('carries the offset the token client measured, and none within a minute', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grantId = await connect(h, app.id, seller('a@shop.sg', '1'), 'c1');

    h.tokens.serverOffsetMs = 30_000;
    expect((await h.send('grants.list'))[0]).not.toHaveProperty('clockOffsetMs');
    h.tokens.serverOffsetMs = 3 * 60 * MINUTE;
    expect(await h.send('grants.list')).toMatchObject([{ id: grantId, clockOffsetMs: 3 * 60 * MINUTE }]);
    const everything = { text: '', platform: 'all', health: 'all', country: 'all', appId: 'all' } as const;
    const { rows } = await h.send('grants.query', { ...everything, offset: 0, limit: 50 });
    expect(rows).toMatchObject([{ id: grantId, clockOffsetMs: 3 * 60 * MINUTE }]);
    expect(await h.send('grants.refresh', { grantId })).toMatchObject({ clockOffsetMs: 3 * 60 * MINUTE });
  });
});

describe('grants.accessToken', () => {
  it('hands out the stored access token and its expiry', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grantId = await connect(h, app.id, seller('a@shop.sg', '1'), 'c1');
    const grant = h.stores.grants.peek(grantId);
    expect(await h.send('grants.accessToken', { grantId })).toEqual({
      accessToken: grant?.accessToken,
      expiresAt: grant?.accessExpiresAt,
    });
    expect(h.tokens.calls.filter((call) => call.kind === 'refresh')).toEqual([]);
  });

  it('refreshes first when the token is about to expire', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grantId = await connect(h, app.id, seller('a@shop.sg', '1'), 'c1');
    const before = h.stores.grants.peek(grantId);
    await h.clock.advanceTo((before?.accessExpiresAt ?? 0) - 30_000);

    const reply = await h.send('grants.accessToken', { grantId });

    const after = h.stores.grants.peek(grantId);
    expect(reply.accessToken).toBe(after?.accessToken);
    expect(reply.accessToken).not.toBe(before?.accessToken);
    expect(reply.expiresAt).toBeGreaterThan(h.clock.now() + DAY);
    expect(h.scheduler.current).toBe(after?.dueAt);
  });

  it('refuses a shop that must be authorized again, and an unknown one', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grantId = await connect(h, app.id, seller('a@shop.sg', '1'), 'c1');
    await h.stores.grants.update(grantId, (grant) => grant && { ...grant, status: 'needs_authorization' });
    await expect(h.send('grants.accessToken', { grantId })).rejects.toMatchObject({
      code: 'access_token_invalid',
    });
    await expect(h.send('grants.accessToken', { grantId: 'nope' })).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('only grants.accessToken carries a token', () => {
  it('no other reply contains a token, a refresh token or the app secret', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grantId = await connect(h, app.id, seller('a@shop.sg', '1'), 'c1');
    const grant = h.stores.grants.peek(grantId);
    const secrets = [
      grant?.accessToken,
      grant?.refreshToken,
      'app-secret-never-shown-1234',
      'fake-access-token',
      'fake-refresh-token',
    ];

    const replies: unknown[] = [
      await h.send('extension.info'),
      await h.send('apps.list'),
      await h.send('apps.save', { ...app, appSecret: 'app-secret-never-shown-1234', name: 'Renamed' }),
      await h.send('connect.status'),
      await h.send('grants.list'),
      await h.send('grants.refresh', { grantId }),
      await h.send('settings.get'),
      await h.send('settings.save', { notifications: false }),
      await h.send('activity.list', {}),
      await h.send('activity.list', { grantId }),
    ];
    h.tokens.addCode('c2', seller('a@shop.sg', '1'));
    h.windows.identity.script = approveWith('c2');
    replies.push(await h.send('connect.start', { appId: app.id, reauthorizeGrantId: grantId }));
    replies.push(await h.send('grants.remove', { grantId }), await h.send('apps.remove', { appId: app.id }));

    const text = JSON.stringify(replies);
    for (const secret of secrets) expect(text).not.toContain(secret);
    // The scan itself works: the one message meant to carry a token does.
    const other = await h.addApp();
    const otherGrant = await connect(h, other.id, seller('b@shop.sg', '2'), 'c3');
    expect(JSON.stringify(await h.send('grants.accessToken', { grantId: otherGrant }))).toContain(
      'fake-access-token',
    );
  });
});

describe('grants.refresh and grants.remove', () => {
  it('refreshes on request, returns the new view and re-arms to the new dueAt', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grantId = await connect(h, app.id, seller('a@shop.sg', '1'), 'c1');
    await h.clock.advance(DAY);

    const view = await h.send('grants.refresh', { grantId });

    expect(view).toMatchObject({ id: grantId, lastRefreshedAt: h.clock.now(), health: 'connected' });
    expect(h.tokens.refreshTokensSent).toEqual(['fake-refresh-token-1']);
    expect(h.scheduler.current).toBe(h.stores.grants.peek(grantId)?.dueAt);
  });

  it('shows a failed refresh on the view instead of losing the grant', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grantId = await connect(h, app.id, seller('a@shop.sg', '1'), 'c1');
    await h.clock.advance(DAY);
    h.tokens.revoke('fake-refresh-token-1');
    const view = await h.send('grants.refresh', { grantId });
    expect(view).toMatchObject({
      health: 'needs_authorization',
      lastError: { code: 'refresh_token_invalid' },
    });
    expect(h.stores.grants.peek(grantId)).toBeDefined();
  });

  it('sends no refresh without host access to the token origin and keeps the tokens', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grantId = await connect(h, app.id, seller('a@shop.sg', '1'), 'c1');
    const before = h.stores.grants.peek(grantId);
    const callsBefore = h.tokens.calls.length;
    h.origins.allowed.clear();
    await h.clock.advance(DAY);

    const view = await h.send('grants.refresh', { grantId });

    expect(h.tokens.calls.length).toBe(callsBefore);
    expect(view).toMatchObject({ lastError: { code: 'permission_denied' } });
    expect(h.stores.grants.peek(grantId)?.refreshToken).toBe(before?.refreshToken);
    expect(h.stores.grants.peek(grantId)?.accessToken).toBe(before?.accessToken);
  });

  it('removes a shop, logs it and re-arms the alarm to the next grant', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const first = await connect(h, app.id, seller('a@shop.sg', '1'), 'c1');
    await h.clock.advance(DAY);
    const second = await connect(h, app.id, seller('b@shop.sg', '2'), 'c2');
    expect(h.scheduler.current).toBe(h.stores.grants.peek(first)?.dueAt);

    expect(await h.send('grants.remove', { grantId: first })).toBeNull();

    expect(h.stores.grants.all().map((grant) => grant.id)).toEqual([second]);
    expect(h.scheduler.current).toBe(h.stores.grants.peek(second)?.dueAt);
    expect(h.stores.activity.entries.at(-1)).toMatchObject({
      kind: 'removed',
      grantId: first,
      account: 'a@shop.sg',
    });

    await h.send('grants.remove', { grantId: second });
    expect(h.scheduler.current).toBeUndefined();
    await expect(h.send('grants.remove', { grantId: second })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a request without a grant id', async () => {
    const h = createHarness();
    await expect(h.send('grants.remove', {} as { grantId: string })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'grantId' },
    });
  });
});

describe('settings', () => {
  it('moves every grant to the new schedule when the refresh lead changes, and re-arms', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grantId = await connect(h, app.id, seller('a@shop.sg', '1'), 'c1');
    const before = h.stores.grants.peek(grantId);

    const saved = await h.send('settings.save', { refreshLeadMinutes: 24 * 60 });

    expect(saved.refreshLeadMinutes).toBe(1440);
    const after = h.stores.grants.peek(grantId);
    expect(after?.dueAt).toBeLessThanOrEqual((before?.accessExpiresAt ?? 0) - 1440 * MINUTE);
    expect(h.scheduler.current).toBe(after?.dueAt);
    expect(await h.send('settings.get')).toMatchObject({ refreshLeadMinutes: 1440 });
  });
});

describe('activity.list', () => {
  it('filters by shop and refuses a bad limit', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grantId = await connect(h, app.id, seller('a@shop.sg', '1'), 'c1');
    await connect(h, app.id, seller('b@shop.sg', '2'), 'c2');
    expect(await h.send('activity.list', { grantId })).toEqual([
      expect.objectContaining({ kind: 'authorized', grantId }),
    ]);
    expect(await h.send('activity.list', { limit: 1 })).toHaveLength(1);
    await expect(h.send('activity.list', { limit: 0 })).rejects.toMatchObject({
      details: { field: 'limit' },
    });
  });
});
