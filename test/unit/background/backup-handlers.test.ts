/**
 * The backup messages over the worker harness: two harnesses sharing one platform and one clock are
 * two browsers of the same person (the first exports, the second imports).
 */
import { describe, expect, it } from 'vitest';
import { importBackup } from '../../../src/backup';
import { refreshLockName } from '../../../src/grants/lifecycle';
import { NEVER_DUE } from '../../../src/grants/model';
import { settleMicrotasks } from '../../support/fakes/fake-clock';
import { APP_SECRET, approveWith, createHarness, type Harness, seller } from './harness';

const ITERATIONS = 1_000;
const PASSPHRASE = 'correct horse battery staple';
const MINUTE = 60_000;
const DAY = 86_400_000;

function browser(other?: Harness): Harness {
  return createHarness({
    backupIterationsForTests: ITERATIONS,
    ...(other ? { samePlatformAs: { clock: other.clock, tokens: other.tokens } } : {}),
  });
}

async function connect(h: Harness, appId: string, account: string, userId: string): Promise<string> {
  const code = `code-${account}`;
  h.tokens.addCode(code, seller(account, userId));
  h.windows.identity.script = approveWith(code);
  const attempt = await h.send('connect.start', { appId });
  if (!attempt.grantId) throw new Error(`connect failed: ${attempt.error?.code}`);
  return attempt.grantId;
}

/** One app and two shops. */
async function browserWithShops() {
  const h = browser();
  const app = await h.addApp({ name: 'Main app', appKey: '100132' });
  const first = await connect(h, app.id, 'a@shop.sg', '1');
  const second = await connect(h, app.id, 'b@shop.sg', '2');
  return { h, app, grantIds: [first, second] };
}

function tokensOf(h: Harness): string[] {
  return h.stores.grants.all().flatMap((grant) => [grant.accessToken, grant.refreshToken]);
}

function refreshCalls(h: Harness): number {
  return h.tokens.calls.filter((call) => call.kind === 'refresh').length;
}

describe('backup.export', () => {
  it('answers the encrypted file: tokens only inside it, secrets only when asked for', async () => {
    const { h, grantIds } = await browserWithShops();

    const plain = await h.send('backup.export', {
      passphrase: PASSPHRASE,
      includeSecrets: false,
      move: false,
    });

    expect(plain).toMatchObject({ shops: 2, moved: 0 });
    expect(plain.fileName).toMatch(/^seller-auth-backup-\d{4}-\d{2}-\d{2}\.json$/);
    for (const token of [...tokensOf(h), APP_SECRET]) expect(plain.text).not.toContain(token);
    const contents = await importBackup(plain.text, PASSPHRASE);
    expect(contents.grants.map((grant) => grant.refreshToken).sort()).toEqual(
      grantIds.map((id) => h.stores.grants.peek(id)?.refreshToken).sort(),
    );
    expect(contents.apps.map((app) => app.secret)).toEqual([undefined]);

    const withSecrets = await h.send('backup.export', {
      passphrase: PASSPHRASE,
      includeSecrets: true,
      move: false,
    });
    expect(withSecrets.text).not.toContain(APP_SECRET);
    expect((await importBackup(withSecrets.text, PASSPHRASE)).apps.map((app) => app.secret)).toEqual([
      APP_SECRET,
    ]);
  });

  it('copies without stopping anything here: the shops stay scheduled and refresh as before', async () => {
    const { h, grantIds } = await browserWithShops();
    const before = h.stores.grants.peek(grantIds[0]!);

    await h.send('backup.export', { passphrase: PASSPHRASE, includeSecrets: false, move: false });

    const after = h.stores.grants.peek(grantIds[0]!);
    expect(after?.movedAt).toBeUndefined();
    expect(after?.dueAt).toBe(before?.dueAt);
    expect(await h.send('backup.status')).toMatchObject({
      shops: 2,
      notBackedUp: 0,
      lastExportAt: h.clock.now(),
    });
    const [entry] = await h.stores.activity.list();
    expect(entry).toMatchObject({ kind: 'backup_exported', detail: 'Backup saved with 2 shops.' });
  });

  it('refuses an empty passphrase by its name, and changes nothing', async () => {
    const { h } = await browserWithShops();
    const before = h.stores.grants.all();

    await expect(
      h.send('backup.export', { passphrase: '', includeSecrets: false, move: true }),
    ).rejects.toMatchObject({
      code: 'backup_passphrase_empty',
      message: 'Enter a passphrase to protect the backup.',
    });
    await expect(h.send('backup.export', { passphrase: 42, move: true } as never)).rejects.toMatchObject({
      code: 'invalid_input',
      details: { field: 'passphrase' },
    });

    expect(h.stores.grants.all()).toEqual(before);
  });
});

describe('backup.export with move', () => {
  it('marks the exported shops moved: never due, never refreshed, not on the badge', async () => {
    const { h, grantIds } = await browserWithShops();
    await h.stores.grants.update(grantIds[1]!, (grant) => grant && { ...grant, failures: 2 });
    await h.worker.rearm();
    expect(h.badge.shown.at(-1)).toBe(1);
    const movedAt = h.clock.now();

    const file = await h.send('backup.export', { passphrase: PASSPHRASE, includeSecrets: false, move: true });

    expect(file).toMatchObject({ shops: 2, moved: 2 });
    for (const id of grantIds) {
      expect(h.stores.grants.peek(id)).toMatchObject({ movedAt, dueAt: NEVER_DUE });
    }
    expect(h.scheduler.current).toBeUndefined();
    expect(h.badge.shown.at(-1)).toBe(0);
    expect((await h.send('grants.list')).map((view) => [view.health, view.movedAt])).toEqual([
      ['moved', movedAt],
      ['moved', movedAt],
    ]);
    expect(await h.send('backup.status')).toMatchObject({ shops: 0, notBackedUp: 0 });
    const contents = await importBackup(file.text, PASSPHRASE);
    expect(contents.grants.map((grant) => grant.movedAt)).toEqual([movedAt, movedAt]);
  });

  it('never refreshes a moved shop again: not when due, not on a click, and hands out no token', async () => {
    const { h, grantIds } = await browserWithShops();
    await h.send('backup.export', { passphrase: PASSPHRASE, includeSecrets: false, move: true });
    const calls = refreshCalls(h);

    await h.clock.advance(40 * DAY);
    await h.clock.run(h.worker.catchUp());
    const view = await h.send('grants.refresh', { grantId: grantIds[0]! });
    await expect(h.send('grants.accessToken', { grantId: grantIds[0]! })).rejects.toMatchObject({
      code: 'grant_moved',
    });

    expect(refreshCalls(h)).toBe(calls);
    expect(view.health).toBe('moved');
    expect(h.notifier.sent).toEqual([]);
    expect(h.stores.grants.peek(grantIds[0]!)?.status).toBe('connected');
  });

  it('waits for a refresh on the wire, so the file hands over the pair that is live', async () => {
    const { h, grantIds } = await browserWithShops();
    const grantId = grantIds[0]!;
    await h.clock.advanceTo(h.stores.grants.peek(grantId)!.dueAt);
    h.tokens.latencyMs = MINUTE;
    const refreshing = h.send('grants.refresh', { grantId });
    while (!h.locks.isHeld(refreshLockName(grantId)) || h.clock.pendingTimers === 0) await settleMicrotasks();

    const exporting = h.send('backup.export', { passphrase: PASSPHRASE, includeSecrets: false, move: true });
    await h.clock.advance(MINUTE);
    const [, file] = await Promise.all([refreshing, exporting]);

    const stored = h.stores.grants.peek(grantId)!;
    expect(stored.lastRefreshedAt).toBeDefined();
    expect(stored.movedAt).toBeDefined();
    const inFile = (await importBackup(file.text, PASSPHRASE)).grants.find((grant) => grant.id === grantId);
    expect(inFile?.refreshToken).toBe(stored.refreshToken);
    expect(h.tokens.isLive(stored.refreshToken)).toBe(true);
  });
});

describe('backup.inspect and backup.preview', () => {
  it('name what is wrong with a file, before and after the passphrase', async () => {
    const { h } = await browserWithShops();
    const { text } = await h.send('backup.export', {
      passphrase: PASSPHRASE,
      includeSecrets: false,
      move: false,
    });

    expect(await h.send('backup.inspect', { text })).toEqual({ formatVersion: 1, iterations: ITERATIONS });
    await expect(h.send('backup.inspect', { text: '{"hello": 1}' })).rejects.toMatchObject({
      code: 'backup_not_seller_auth',
    });
    await expect(h.send('backup.inspect', { text: text.slice(0, text.length / 2) })).rejects.toMatchObject({
      code: 'backup_tampered',
    });
    await expect(h.send('backup.preview', { text, passphrase: 'not it' })).rejects.toMatchObject({
      code: 'backup_wrong_passphrase',
      message: 'The passphrase does not open this backup. Check it and try again.',
    });
    await expect(h.send('backup.inspect', { text: '' })).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('previews without changing anything and without a token or a secret', async () => {
    const { h } = await browserWithShops();
    const { text } = await h.send('backup.export', {
      passphrase: PASSPHRASE,
      includeSecrets: true,
      move: false,
    });
    const other = browser(h);

    const preview = await other.send('backup.preview', { text, passphrase: PASSPHRASE });

    expect(preview.apps.added.map((app) => app.name)).toEqual(['Main app']);
    expect(preview.shops.added.map((shop) => shop.account).sort()).toEqual(['a@shop.sg', 'b@shop.sg']);
    expect(preview.secrets).toEqual({ added: 1, replaced: 0 });
    const words = JSON.stringify(preview);
    for (const token of [...tokensOf(h), APP_SECRET]) expect(words).not.toContain(token);
    expect(other.stores.grants.all()).toEqual([]);
    expect(await other.stores.apps.list()).toEqual([]);
  });
});

describe('backup.apply', () => {
  it('restores into a fresh browser: apps, secret, shops scheduled there, and they refresh', async () => {
    const { h, grantIds } = await browserWithShops();
    const { text } = await h.send('backup.export', {
      passphrase: PASSPHRASE,
      includeSecrets: true,
      move: true,
    });
    const fresh = browser(h);
    expect(await fresh.send('apps.list')).toEqual([]);

    const applied = await fresh.send('backup.apply', { text, passphrase: PASSPHRASE });

    expect(applied.shops.added).toHaveLength(2);
    // The worker's copy of the app list hears of the restore: the new app shows, with its secret.
    expect(await fresh.send('apps.list')).toEqual([
      expect.objectContaining({ name: 'Main app', hasSecret: true }),
    ]);
    expect(applied.takingOver).toBe(2);
    const [app] = await fresh.stores.apps.list();
    expect(await fresh.stores.secrets.get(app!.id)).toBe(APP_SECRET);
    const restored = fresh.stores.grants.all();
    expect(restored.map((grant) => grant.movedAt)).toEqual([undefined, undefined]);
    expect(fresh.scheduler.current).toBe(Math.min(...restored.map((grant) => grant.dueAt)));
    expect(await fresh.send('backup.status')).toMatchObject({ shops: 2, notBackedUp: 0 });

    const [first] = restored;
    await fresh.clock.advanceTo(first!.dueAt);
    await fresh.clock.run(fresh.worker.catchUp());
    const refreshed = fresh.stores.grants.peek(first!.id)!;
    expect(refreshed.lastRefreshedAt).toBe(fresh.clock.now());
    expect(fresh.tokens.isLive(refreshed.refreshToken)).toBe(true);
    // The browser that moved it away sent nothing for it.
    expect(h.stores.grants.peek(grantIds.find((id) => id === first!.id)!)?.refreshToken).not.toBe(
      refreshed.refreshToken,
    );
  });

  it('plans again when applying: a shop refreshed since the preview keeps its newer pair', async () => {
    const { h, grantIds } = await browserWithShops();
    const { text } = await h.send('backup.export', {
      passphrase: PASSPHRASE,
      includeSecrets: false,
      move: false,
    });
    const preview = await h.send('backup.preview', { text, passphrase: PASSPHRASE });
    expect(preview.shops.kept.map((shop) => shop.reason)).toEqual(['same_tokens', 'same_tokens']);
    await h.clock.advanceTo(h.stores.grants.peek(grantIds[0]!)!.dueAt);
    await h.send('grants.refresh', { grantId: grantIds[0]! });
    const live = h.stores.grants.peek(grantIds[0]!)!;

    const applied = await h.send('backup.apply', { text, passphrase: PASSPHRASE });

    expect(applied.shops.updated).toEqual([]);
    expect(applied.shops.kept.map((shop) => [shop.account, shop.reason])).toContainEqual([
      'a@shop.sg',
      'local_newer',
    ]);
    expect(h.stores.grants.peek(grantIds[0]!)).toEqual(live);
  });

  it('leaves a shop alone when its pair changed between the plan and the write', async () => {
    const { h, grantIds } = await browserWithShops();
    const other = browser(h);
    const copy = await h.send('backup.export', { passphrase: PASSPHRASE, includeSecrets: true, move: false });
    await other.send('backup.apply', { text: copy.text, passphrase: PASSPHRASE });
    await h.clock.advanceTo(h.stores.grants.peek(grantIds[0]!)!.dueAt);
    await h.send('grants.refresh', { grantId: grantIds[0]! });
    const newer = await h.send('backup.export', {
      passphrase: PASSPHRASE,
      includeSecrets: false,
      move: false,
    });
    const target = other.stores.grants.all().find((grant) => grant.seller.account === 'a@shop.sg')!;
    // A refresh lands in the other browser while the import is being planned.
    const write = other.stores.batch.write.bind(other.stores.batch);
    other.stores.batch.write = async (batch) => {
      await other.stores.grants.update(
        target.id,
        (grant) => grant && { ...grant, refreshToken: 'landed-meanwhile' },
      );
      return write(batch);
    };

    const applied = await other.send('backup.apply', { text: newer.text, passphrase: PASSPHRASE });

    expect(applied.shops.updated.map((shop) => shop.account)).toEqual(['a@shop.sg']);
    expect(other.stores.grants.peek(target.id)?.refreshToken).toBe('landed-meanwhile');
  });

  it('keeps a shop moved away when its own move file comes back: a plain import never revives it', async () => {
    const { h, grantIds } = await browserWithShops();
    const { text } = await h.send('backup.export', {
      passphrase: PASSPHRASE,
      includeSecrets: false,
      move: true,
    });
    const moved = h.stores.grants.all();

    const applied = await h.send('backup.apply', { text, passphrase: PASSPHRASE });

    expect(applied.shops.kept.map((shop) => shop.reason)).toEqual(['moved_away', 'moved_away']);
    expect(h.stores.grants.all()).toEqual(moved);
    expect(grantIds.every((id) => h.stores.grants.peek(id)?.dueAt === NEVER_DUE)).toBe(true);
  });

  it('writes nothing for a damaged file', async () => {
    const { h } = await browserWithShops();
    const { text } = await h.send('backup.export', {
      passphrase: PASSPHRASE,
      includeSecrets: false,
      move: false,
    });
    const fresh = browser(h);
    const damaged = text.replace(
      /"ciphertext": "(.)/,
      (_match, first: string) => `"ciphertext": "${first === 'A' ? 'B' : 'A'}`,
    );

    await expect(fresh.send('backup.apply', { text: damaged, passphrase: PASSPHRASE })).rejects.toMatchObject(
      {
        code: 'backup_tampered',
      },
    );
    expect(fresh.stores.batch.batches).toEqual([]);
    expect(fresh.stores.grants.all()).toEqual([]);
  });
});

describe('backup.status', () => {
  it('counts the shops added or authorized again since a backup took them', async () => {
    const { h, app, grantIds } = await browserWithShops();
    expect(await h.send('backup.status')).toEqual({ shops: 2, notBackedUp: 2 });

    await h.send('backup.export', { passphrase: PASSPHRASE, includeSecrets: false, move: false });
    const exportedAt = h.clock.now();
    await h.clock.advance(MINUTE);
    await connect(h, app.id, 'c@shop.sg', '3');
    expect(await h.send('backup.status')).toEqual({ shops: 3, notBackedUp: 1, lastExportAt: exportedAt });

    await h.clock.advance(MINUTE);
    h.tokens.addCode('again', seller('a@shop.sg', '1'));
    h.windows.identity.script = approveWith('again');
    await h.send('connect.start', { appId: app.id, reauthorizeGrantId: grantIds[0]! });
    expect(await h.send('backup.status')).toEqual({ shops: 3, notBackedUp: 2, lastExportAt: exportedAt });
  });
});
