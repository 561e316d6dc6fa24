import { describe, expect, it } from 'vitest';
import { grantIdFor } from '../../../src/grants/model';
import type { SellerAuthError } from '../../../src/shared/errors';
import { validUrl } from '../../support/checked';
import { approveWith, cancelLogin, createHarness, IDENTITY_CALLBACK, seller, TAB_CALLBACK } from './harness';

const ALICE = seller('alice@shop.sg', '10101');
const BOB = seller('bob@shop.sg', '20202');

describe('connect: success', () => {
  it('stores the attempt before the window opens, then the grant, and ends succeeded', async () => {
    const h = createHarness();
    const app = await h.addApp();
    h.tokens.addCode('0_100132_code1', ALICE);
    let attemptWhileOpen: unknown;
    h.windows.identity.script = async (login) => {
      attemptWhileOpen = await h.stores.attempts.latest();
      return approveWith('0_100132_code1')(login);
    };

    const attempt = await h.send('connect.start', { appId: app.id, countries: ['sg', 'my'] });

    expect(attemptWhileOpen).toMatchObject({
      phase: 'waiting_for_login',
      appId: app.id,
      redirectUri: IDENTITY_CALLBACK,
    });
    const grantId = grantIdFor(app.id, ALICE);
    expect(attempt).toMatchObject({ phase: 'succeeded', grantId, appId: app.id, countries: ['sg', 'my'] });
    expect(attempt).not.toHaveProperty('state');
    expect(h.stores.grants.peek(grantId)).toMatchObject({
      status: 'connected',
      seller: ALICE,
      accessToken: 'fake-access-token-1',
    });
    expect(await h.stores.attempts.latest()).toMatchObject({ phase: 'succeeded', grantId });
    expect(h.stores.activity.entries.map((entry) => entry.kind)).toEqual(['authorized']);
    expect(h.notifier.sent).toEqual([]); // only the popup shows a successful connect
  });

  it('opens the identity window with a fresh state, the registered callback and a forced login', async () => {
    const h = createHarness();
    const app = await h.addApp();
    h.tokens.addCode('c1', ALICE);
    h.tokens.addCode('c2', BOB);
    h.windows.identity.script = approveWith('c1');
    await h.send('connect.start', { appId: app.id, countries: ['my'] });
    h.windows.identity.script = approveWith('c2');
    await h.send('connect.start', { appId: app.id });

    const [first, second] = h.windows.identity.opened.map((opened) => new URL(opened.authorizeUrl));
    expect(first?.origin + (first?.pathname ?? '')).toBe('https://auth.lazada.com/oauth/authorize');
    expect(first?.searchParams.get('client_id')).toBe('100132');
    expect(first?.searchParams.get('redirect_uri')).toBe(IDENTITY_CALLBACK);
    expect(first?.searchParams.get('force_auth')).toBe('true');
    expect(first?.searchParams.get('country')).toBe('my');
    expect(first?.searchParams.get('state')?.length).toBeGreaterThanOrEqual(22);
    expect(second?.searchParams.get('state')).not.toBe(first?.searchParams.get('state'));
  });

  it('signs the exchange with the app credentials, endpoints included', async () => {
    const h = createHarness();
    const app = await h.addApp({
      endpoints: { tokenCreateUrl: validUrl('http://127.0.0.1:8787/rest/auth/token/create') },
    });
    h.tokens.addCode('c1', ALICE);
    h.tokens.acceptedSecret = 'app-secret-never-shown-1234';
    h.windows.identity.script = approveWith('c1');
    expect(await h.send('connect.start', { appId: app.id })).toMatchObject({ phase: 'succeeded' });
    expect(h.tokens.calls).toEqual([
      expect.objectContaining({ kind: 'create', appKey: '100132', credential: 'c1' }),
    ]);
  });

  it('uses the tab window for an app registered with another callback URL, once the origin is allowed', async () => {
    const h = createHarness();
    const app = await h.addApp({ callbackUrl: TAB_CALLBACK });
    h.tokens.addCode('c1', ALICE);
    h.windows.tab.script = approveWith('c1');

    await expect(h.send('connect.start', { appId: app.id })).rejects.toMatchObject({
      code: 'permission_denied',
    });
    expect(await h.stores.attempts.latest()).toBeUndefined();

    h.origins.allowed.add('https://app.example.com');
    expect(await h.send('connect.start', { appId: app.id })).toMatchObject({ phase: 'succeeded' });
    expect(h.windows.tab.opened).toHaveLength(1);
    expect(h.windows.identity.opened).toHaveLength(0);
    expect(h.windows.tab.opened[0]?.redirectUri).toBe(TAB_CALLBACK);
  });

  it('re-arms the alarm to the new grant and updates the badge', async () => {
    const h = createHarness();
    const app = await h.addApp();
    h.tokens.addCode('c1', ALICE);
    h.windows.identity.script = approveWith('c1');
    await h.send('connect.start', { appId: app.id });
    const grant = h.stores.grants.peek(grantIdFor(app.id, ALICE));
    expect(h.scheduler.current).toBe(grant?.dueAt);
    expect(h.badge.shown.at(-1)).toBe(0);
  });
});

describe('connect: failures end the attempt with their code and store nothing', () => {
  it.each([
    [
      'state_mismatch',
      async ({ redirectUri }: { redirectUri: string }) =>
        `${redirectUri}?code=c1&state=forged-state-value-0000000`,
    ],
    [
      'authorization_denied',
      async ({ redirectUri, state }: { redirectUri: string; state: string }) =>
        `${redirectUri}?error=access_denied&error_description=User+denied&state=${state}`,
    ],
    [
      'missing_code',
      async ({ redirectUri, state }: { redirectUri: string; state: string }) =>
        `${redirectUri}?state=${state}`,
    ],
    [
      'not_our_callback',
      async ({ state }: { state: string }) => `https://evil.example/cb?code=c1&state=${state}`,
    ],
    ['login_cancelled', cancelLogin],
    ['invalid_code', approveWith('a-code-the-platform-does-not-know')],
  ] as const)('%s', async (code, script) => {
    const h = createHarness();
    const app = await h.addApp();
    h.tokens.addCode('c1', ALICE);
    h.windows.identity.script = script;

    const attempt = await h.send('connect.start', { appId: app.id });

    expect(attempt.phase).toBe('failed');
    expect(attempt.error?.code).toBe(code);
    expect(await h.stores.attempts.latest()).toMatchObject({ phase: 'failed', error: { code } });
    expect(h.stores.grants.all()).toEqual([]);
    expect(h.stores.activity.entries).toEqual([
      expect.objectContaining({ kind: 'connect_failed', appId: app.id, errorCode: code }),
    ]);
  });

  it('never sends the code when the state does not match', async () => {
    const h = createHarness();
    const app = await h.addApp();
    h.tokens.addCode('c1', ALICE);
    h.windows.identity.script = async ({ redirectUri }) =>
      `${redirectUri}?code=c1&state=forged-state-value-0000000`;
    await h.send('connect.start', { appId: app.id });
    expect(h.tokens.calls).toEqual([]);
  });

  it('answers an unknown app or an app without a secret as an error, without starting an attempt', async () => {
    const h = createHarness();
    await expect(h.send('connect.start', { appId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
    const app = await h.addApp();
    await h.stores.apps.put({ ...app, id: 'no-secret' });
    await expect(h.send('connect.start', { appId: 'no-secret' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'appSecret' },
    });
    expect(await h.stores.attempts.latest()).toBeUndefined();
    expect(h.windows.identity.opened).toEqual([]);
  });

  it('refuses a malformed request', async () => {
    const h = createHarness();
    await expect(h.send('connect.start', { appId: '' })).rejects.toMatchObject({ code: 'invalid_input' });
    const app = await h.addApp();
    const bad = { appId: app.id, countries: ['sg', 'xx'] } as unknown as { appId: string };
    await expect(h.send('connect.start', bad)).rejects.toMatchObject({ details: { field: 'countries' } });
  });
});

describe('connect: authorizing again', () => {
  async function connected(h: ReturnType<typeof createHarness>) {
    const app = await h.addApp();
    h.tokens.addCode('first', ALICE);
    h.windows.identity.script = approveWith('first');
    const first = await h.send('connect.start', { appId: app.id });
    return { app, grantId: first.grantId as string };
  }

  it('updates the same grant rather than adding another', async () => {
    const h = createHarness();
    const { app, grantId } = await connected(h);
    const before = h.stores.grants.peek(grantId);
    await h.clock.advance(60_000);
    h.tokens.addCode('again', ALICE);
    h.windows.identity.script = approveWith('again');

    const attempt = await h.send('connect.start', { appId: app.id, reauthorizeGrantId: grantId });

    expect(attempt).toMatchObject({ phase: 'succeeded', grantId, reauthorizeGrantId: grantId });
    const grants = h.stores.grants.all();
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({
      id: grantId,
      accessToken: 'fake-access-token-2',
      createdAt: before?.createdAt,
    });
    expect(grants[0]?.authorizedAt).toBe(h.clock.now());
    expect(h.stores.activity.entries.map((entry) => entry.kind)).toEqual(['authorized', 'reauthorized']);
  });

  it('keeps the authorization of another seller but ends the attempt as account_mismatch', async () => {
    const h = createHarness();
    const { app, grantId } = await connected(h);
    h.tokens.addCode('bob', BOB);
    h.windows.identity.script = approveWith('bob');

    const attempt = await h.send('connect.start', { appId: app.id, reauthorizeGrantId: grantId });

    const bobGrantId = grantIdFor(app.id, BOB);
    expect(attempt).toMatchObject({
      phase: 'failed',
      grantId: bobGrantId,
      error: { code: 'account_mismatch' },
    });
    expect(attempt.error?.message).toContain('bob@shop.sg');
    expect(attempt.error?.message).toContain('alice@shop.sg');
    expect(attempt.error?.message).not.toContain('fake-');
    expect(
      h.stores.grants
        .all()
        .map((grant) => grant.id)
        .sort(),
    ).toEqual([bobGrantId, grantId].sort());
    expect(h.stores.grants.peek(grantId)?.accessToken).toBe('fake-access-token-1'); // untouched
  });

  it('refuses to re-authorize a shop that is gone or belongs to another app', async () => {
    const h = createHarness();
    const { grantId } = await connected(h);
    const other = await h.addApp({ name: 'Other app' });
    await expect(
      h.send('connect.start', { appId: other.id, reauthorizeGrantId: grantId }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(
      h.send('connect.start', { appId: other.id, reauthorizeGrantId: 'gone' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
  });
});

describe('connect: one login at a time', () => {
  it('answers auth_flow_busy to a second connect while the first waits for the seller', async () => {
    const h = createHarness();
    const app = await h.addApp();
    h.tokens.addCode('c1', ALICE);
    let finishLogin: () => void = () => {};
    h.windows.identity.script = (login) =>
      new Promise((resolve) => {
        finishLogin = () => resolve(`${login.redirectUri}?code=c1&state=${login.state}`);
      });

    const first = h.send('connect.start', { appId: app.id });
    await waitUntil(() => h.windows.identity.opened.length === 1);
    await expect(h.send('connect.start', { appId: app.id })).rejects.toMatchObject({
      code: 'auth_flow_busy',
    });
    expect(h.windows.identity.opened).toHaveLength(1);
    expect(await h.send('connect.status')).toMatchObject({ phase: 'waiting_for_login' });

    finishLogin();
    expect(await first).toMatchObject({ phase: 'succeeded' });
  });

  it('lets exactly one of two simultaneous starts open a window', async () => {
    const h = createHarness();
    const app = await h.addApp();
    h.tokens.addCode('c1', ALICE);
    let finishLogin: () => void = () => {};
    h.windows.identity.script = (login) =>
      new Promise((resolve) => {
        finishLogin = () => resolve(`${login.redirectUri}?code=c1&state=${login.state}`);
      });

    const results = [
      h.send('connect.start', { appId: app.id }),
      h.send('connect.start', { appId: app.id }),
    ].map((p) =>
      p.then(
        (attempt) => attempt.phase,
        (error: SellerAuthError) => error.code,
      ),
    );
    await waitUntil(() => h.windows.identity.opened.length === 1);
    finishLogin();
    expect((await Promise.all(results)).sort()).toEqual(['auth_flow_busy', 'succeeded']);
    expect(h.windows.identity.opened).toHaveLength(1);
  });
});

/** Polls a condition through the fakes' async steps. */
async function waitUntil(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 0));
  if (!condition()) throw new Error('condition never became true');
}
