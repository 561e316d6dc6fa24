import { describe, expect, it } from 'vitest';
import type { AppInput } from '../../../src/shared/model';
import { countCalls } from '../../support/count-calls';
import { approveWith, createHarness, IDENTITY_CALLBACK, seller, TAB_CALLBACK } from './harness';

const SECRET = 'a1b2c3d4e5f6-app-secret';
const INPUT: AppInput = {
  name: 'Main app',
  platform: 'lazada',
  appKey: '100132',
  appSecret: SECRET,
  callbackUrl: IDENTITY_CALLBACK,
};

describe('apps.save', () => {
  it('stores the profile, puts the secret in the secret store only, and never returns it', async () => {
    const h = createHarness();
    const view = await h.send('apps.save', INPUT);

    expect(view).toMatchObject({
      name: 'Main app',
      platform: 'lazada',
      hasSecret: true,
      callbackKind: 'identity',
    });
    expect(JSON.stringify(view)).not.toContain(SECRET);
    expect(await h.stores.secrets.get(view.id)).toBe(SECRET);
    expect(JSON.stringify(await h.stores.apps.get(view.id))).not.toContain(SECRET);
    expect(JSON.stringify(await h.send('apps.list'))).not.toContain(SECRET);
  });

  it('keeps the stored secret when an edit leaves it blank, and replaces it when a new one is typed', async () => {
    const h = createHarness();
    const saved = await h.send('apps.save', INPUT);
    await h.clock.advance(1000);
    const edited = await h.send('apps.save', { ...INPUT, id: saved.id, name: 'Renamed', appSecret: '' });
    expect(edited).toMatchObject({
      id: saved.id,
      name: 'Renamed',
      hasSecret: true,
      createdAt: saved.createdAt,
    });
    expect(edited.updatedAt).toBe(saved.updatedAt + 1000);
    expect(await h.stores.secrets.get(saved.id)).toBe(SECRET);

    await h.send('apps.save', { ...INPUT, id: saved.id, appSecret: 'new-secret-value' });
    expect(await h.stores.secrets.get(saved.id)).toBe('new-secret-value');
    expect(await h.send('apps.list')).toHaveLength(1);
  });

  it('refuses endpoints whose token origin Chrome has not granted, storing nothing', async () => {
    const h = createHarness();
    const gateway = {
      tokenCreateUrl: 'http://localhost:9000/rest/auth/token/create',
      tokenRefreshUrl: 'http://localhost:9000/rest/auth/token/refresh',
    };
    await expect(h.send('apps.save', { ...INPUT, endpoints: gateway })).rejects.toMatchObject({
      code: 'permission_denied',
    });
    expect(await h.send('apps.list')).toHaveLength(0);

    h.origins.allowed.add('http://localhost:9000');
    await expect(h.send('apps.save', { ...INPUT, endpoints: gateway })).resolves.toMatchObject({
      hasSecret: true,
    });
  });

  it('asks for the secret again when an edit moves any endpoint to another host', async () => {
    const h = createHarness();
    const saved = await h.send('apps.save', INPUT);
    const moved = {
      ...INPUT,
      id: saved.id,
      appSecret: '',
      endpoints: { tokenRefreshUrl: 'http://127.0.0.1:8787/rest/auth/token/refresh' },
    };
    await expect(h.send('apps.save', moved)).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'appSecret' },
    });
    expect((await h.stores.apps.get(saved.id))?.endpoints).toBeUndefined();

    // Same hosts, another path: the stored secret still goes where it went before.
    const samePlace = { tokenRefreshUrl: 'https://auth.lazada.com/rest/v2/token/refresh' };
    await expect(h.send('apps.save', { ...moved, endpoints: samePlace })).resolves.toMatchObject({
      id: saved.id,
    });
    await expect(h.send('apps.save', { ...moved, appSecret: 'typed-again-secret' })).resolves.toMatchObject({
      id: saved.id,
    });
    expect(await h.stores.secrets.get(saved.id)).toBe('typed-again-secret');
  });

  it('refuses to change the app key of an app with shops, which would orphan them', async () => {
    const h = createHarness();
    const saved = await h.send('apps.save', INPUT);
    await h.send('apps.save', { ...INPUT, id: saved.id, appKey: '100133', appSecret: '' });
    h.tokens.addCode('c1', seller('a@shop.sg', '1'));
    h.windows.identity.script = approveWith('c1');
    expect((await h.send('connect.start', { appId: saved.id })).grantId).toBeDefined();

    await expect(
      h.send('apps.save', { ...INPUT, id: saved.id, appKey: '100134', appSecret: '' }),
    ).rejects.toMatchObject({ code: 'invalid_input', details: { field: 'appKey' } });
    expect((await h.stores.apps.get(saved.id))?.appKey).toBe('100133');
  });

  it('refuses invalid input with the field, storing nothing', async () => {
    const h = createHarness();
    await expect(h.send('apps.save', { ...INPUT, appKey: 'abc' })).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'appKey' },
    });
    await expect(h.send('apps.save', { ...INPUT, appSecret: undefined })).rejects.toMatchObject({
      details: { field: 'appSecret' },
    });
    await expect(
      h.send('apps.save', { ...INPUT, callbackUrl: 'http://app.example.com/cb' }),
    ).rejects.toMatchObject({
      details: { field: 'callbackUrl' },
    });
    expect(await h.send('apps.list')).toEqual([]);
  });

  it('refuses to edit an app that does not exist, or to change its platform', async () => {
    const h = createHarness();
    await expect(h.send('apps.save', { ...INPUT, id: 'missing' })).rejects.toMatchObject({
      code: 'not_found',
    });
    const saved = await h.send('apps.save', INPUT);
    await expect(
      h.send('apps.save', { ...INPUT, id: saved.id, platform: 'aliexpress', appSecret: '' }),
    ).rejects.toMatchObject({ details: { field: 'platform' } });
  });

  it('tells which callback each app uses: identity for our chromiumapp.org URL, tab for any other', async () => {
    const h = createHarness();
    await h.send('apps.save', INPUT);
    await h.send('apps.save', { ...INPUT, name: 'Web app', callbackUrl: TAB_CALLBACK });
    await h.send('apps.save', {
      ...INPUT,
      name: 'Look-alike',
      callbackUrl: 'https://aaaabbbbccccddddeeeeffffgggghhhh.chromiumapp.org/',
    });
    const kinds = Object.fromEntries((await h.send('apps.list')).map((app) => [app.name, app.callbackKind]));
    expect(kinds).toEqual({ 'Main app': 'identity', 'Web app': 'tab', 'Look-alike': 'tab' });
  });
});

describe('apps.remove', () => {
  it('removes the app, its secret and its shops, logs it and re-arms the alarm', async () => {
    const h = createHarness();
    const app = await h.send('apps.save', INPUT);
    const kept = await h.send('apps.save', { ...INPUT, name: 'Kept app' });
    h.tokens.addCode('c1', seller('alice@shop.sg', '1'));
    h.tokens.addCode('c2', seller('bob@shop.sg', '2'));
    h.windows.identity.script = approveWith('c1');
    await h.send('connect.start', { appId: app.id });
    h.windows.identity.script = approveWith('c2');
    await h.send('connect.start', { appId: kept.id });
    const keptGrant = h.stores.grants.all().find((grant) => grant.appId === kept.id);

    expect(await h.send('apps.remove', { appId: app.id })).toEqual({ removedGrants: 1 });

    expect(await h.stores.secrets.has(app.id)).toBe(false);
    expect(h.stores.grants.all().map((grant) => grant.appId)).toEqual([kept.id]);
    expect(h.stores.activity.entries.at(-1)).toMatchObject({ kind: 'removed', appId: app.id });
    expect(h.scheduler.current).toBe(keptGrant?.dueAt);
  });

  it('answers not_found for an unknown app', async () => {
    const h = createHarness();
    await expect(h.send('apps.remove', { appId: 'nope' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('extension.info', () => {
  it('gives the extension id and the identity callback to register', async () => {
    const h = createHarness();
    expect(await h.send('extension.info')).toEqual({
      extensionId: h.deps.extension.id,
      identityCallbackUrl: IDENTITY_CALLBACK,
    });
  });
});

describe('apps.list', () => {
  /** Counts the app and secret store reads from here on. */
  function countReads(h: ReturnType<typeof createHarness>) {
    const apps = countCalls(h.stores.apps, ['list']);
    const secrets = countCalls(h.stores.secrets, ['has']);
    return {
      get apps() {
        return apps.list;
      },
      get secrets() {
        return secrets.has;
      },
    };
  }

  it('answers from memory once read, and shows every save and removal at once', async () => {
    const h = createHarness();
    const saved = await h.send('apps.save', { ...INPUT, name: 'B app' });
    await h.send('apps.list');
    const reads = countReads(h);
    for (let ask = 0; ask < 3; ask++) await h.send('apps.list');
    expect(reads).toEqual({ apps: 0, secrets: 0 });

    await h.send('apps.save', { ...INPUT, id: saved.id, name: 'Renamed', appSecret: '' });
    const other = await h.send('apps.save', { ...INPUT, name: 'A app', appKey: '100133' });
    expect((await h.send('apps.list')).map((app) => app.name)).toEqual(['A app', 'Renamed']);
    await h.send('apps.remove', { appId: saved.id });
    expect(await h.send('apps.list')).toEqual([expect.objectContaining({ id: other.id, hasSecret: true })]);
  });

  it('shows a secret stored after its profile: a list read in between is not kept', async () => {
    const h = createHarness();
    // The save writes the profile, then the secret: a list asked for between the two sees no secret.
    const { secrets } = h.stores;
    const put = secrets.put.bind(secrets);
    let between: Promise<unknown> | undefined;
    secrets.put = async (appId, secret) => {
      between = h.send('apps.list');
      await between;
      return put(appId, secret);
    };
    await h.send('apps.save', INPUT);
    expect(await between).toEqual([expect.objectContaining({ hasSecret: false })]);
    expect(await h.send('apps.list')).toEqual([expect.objectContaining({ hasSecret: true })]);
  });
});
