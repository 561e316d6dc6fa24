import { describe, expect, it } from 'vitest';
import { buildBackupContents } from '../../../src/backup/build-contents';
import type { BackupContents } from '../../../src/backup/contents';
import type { LocalGrant, LocalState } from '../../../src/backup/local-state';
import { planImport } from '../../../src/backup/plan-import';
import { grantIdFor } from '../../../src/grants/model';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import { appSecret } from '../../support/checked';
import { applyInMemory } from './apply-in-memory';
import { ALIEXPRESS_APP, DAY, emptyState, HOUR, LAZADA_APP, localState, SECRETS, shop, T0 } from './fixtures';

const EXPORTED_AT = T0 + DAY;
let ids = 0;
const options = { newId: () => `new-id-${++ids}` };

function fileOf(state: LocalState, build: { includeSecrets?: boolean; move?: boolean; now?: number } = {}) {
  return buildBackupContents(state, { now: EXPORTED_AT, ...build });
}

/** Another browser's state: the same apps under other ids (it added them itself). */
function otherBrowser(grants: (apps: { lazada: typeof LAZADA_APP }) => LocalGrant[]): LocalState {
  const lazada = { ...LAZADA_APP, id: 'their-lazada-id' };
  return {
    ...emptyState(),
    apps: [lazada],
    secrets: new Map([[lazada.id, appSecret('their-secret')]]),
    grants: grants({ lazada }),
  };
}

function reasons(plan: ReturnType<typeof planImport>) {
  return {
    add: plan.grants.add.map((g) => [g.id, g.reason]),
    update: plan.grants.update.map((g) => [g.id, g.reason]),
    keep: plan.grants.keep.map((g) => [g.id, g.reason]),
  };
}

describe('importing into a fresh browser', () => {
  it('adds every app, secret, grant and setting from the file', () => {
    const source = localState({ settings: { ...DEFAULT_SETTINGS, reminderDays: [14, 3] } });
    const plan = planImport(emptyState(), fileOf(source, { includeSecrets: true }), options);
    expect(plan.apps.add.map(({ app }) => app)).toEqual([LAZADA_APP, ALIEXPRESS_APP]);
    expect(plan.secrets).toEqual([
      { appId: LAZADA_APP.id, secret: SECRETS.get(LAZADA_APP.id), replaces: false },
      { appId: ALIEXPRESS_APP.id, secret: SECRETS.get(ALIEXPRESS_APP.id), replaces: false },
    ]);
    expect(plan.grants.add.map((g) => g.id)).toEqual(source.grants.map((g) => g.id));
    expect(plan.grants.add.every((g) => g.reason === 'new' && !g.takesOver)).toBe(true);
    expect(plan.settings).toEqual({ reminderDays: [14, 3] });
  });

  it('adds no secret from a file exported without secrets', () => {
    const plan = planImport(emptyState(), fileOf(localState()), options);
    expect(plan.apps.add).toHaveLength(2);
    expect(plan.secrets).toEqual([]);
  });
});

describe('apps', () => {
  it('are matched by platform and app key, and grants follow the local app id', () => {
    const theirs = otherBrowser(({ lazada }) => [shop(lazada, 7)]);
    const plan = planImport(localState(), fileOf(theirs), options);
    expect(plan.apps.add).toEqual([]);
    expect(plan.apps.keep).toEqual([
      { appId: LAZADA_APP.id, fileAppId: 'their-lazada-id', reason: 'local_same_or_newer' },
    ]);
    const [added] = plan.grants.add;
    expect(added?.appId).toBe(LAZADA_APP.id);
    expect(added?.id).toBe(grantIdFor(LAZADA_APP.id, shop(LAZADA_APP, 7).seller));
  });

  it('with the same key on another platform are different apps', () => {
    const lazadaOnly: LocalState = { ...emptyState(), apps: [LAZADA_APP] };
    const sameKey = { ...ALIEXPRESS_APP, appKey: LAZADA_APP.appKey };
    const plan = planImport(lazadaOnly, fileOf({ ...emptyState(), apps: [sameKey] }), options);
    expect(plan.apps.add.map(({ app }) => app.id)).toEqual([ALIEXPRESS_APP.id]);
  });

  it('take the file profile only when it was edited later, keeping the local id and creation time', () => {
    const renamed = {
      ...LAZADA_APP,
      id: 'their-id',
      name: 'Renamed there',
      createdAt: T0,
      updatedAt: T0 + HOUR,
    };
    const plan = planImport(localState(), fileOf({ ...emptyState(), apps: [renamed] }), options);
    expect(plan.apps.update).toEqual([
      { app: { ...LAZADA_APP, name: 'Renamed there', updatedAt: T0 + HOUR }, fileAppId: 'their-id' },
    ]);

    const older = { ...renamed, updatedAt: LAZADA_APP.updatedAt - 1 };
    const kept = planImport(localState(), fileOf({ ...emptyState(), apps: [older] }), options);
    expect(kept.apps.update).toEqual([]);
    expect(kept.apps.keep.map((k) => k.appId)).toEqual([LAZADA_APP.id]);
  });

  it('get a fresh id when the file id is taken here by another app', () => {
    const rekeyed = { ...LAZADA_APP, appKey: '999999' };
    const local: LocalState = { ...emptyState(), apps: [rekeyed] };
    const file = fileOf({ ...emptyState(), apps: [LAZADA_APP], grants: [shop(LAZADA_APP, 1)] });
    const plan = planImport(local, file, { newId: () => 'fresh' });
    expect(plan.apps.add.map(({ app }) => [app.id, app.appKey])).toEqual([['fresh', LAZADA_APP.appKey]]);
    expect(plan.grants.add.map((g) => g.appId)).toEqual(['fresh']);
  });

  it('held twice here: the grant goes to the one that already has the seller, else the oldest', () => {
    const sandbox = { ...LAZADA_APP, id: 'sandbox-copy', createdAt: LAZADA_APP.createdAt + DAY };
    const local: LocalState = { ...emptyState(), apps: [sandbox, LAZADA_APP], grants: [shop(sandbox, 2)] };
    const theirs = otherBrowser(({ lazada }) => [
      shop(lazada, 1),
      shop(lazada, 2, { lastRefreshedAt: T0 + HOUR }),
    ]);
    const plan = planImport(local, fileOf(theirs), options);
    expect(plan.grants.add.map((g) => g.appId)).toEqual([LAZADA_APP.id]);
    expect(plan.grants.update.map((g) => [g.id, g.appId])).toEqual([[shop(sandbox, 2).id, sandbox.id]]);
  });

  it('listed twice in a file become one app', () => {
    const twin = { ...LAZADA_APP, id: 'twin' };
    const file = fileOf({
      ...emptyState(),
      apps: [LAZADA_APP, twin],
      grants: [shop(LAZADA_APP, 1), shop(twin, 2)],
    });
    const plan = planImport(emptyState(), file, options);
    expect(plan.apps.add.map(({ app }) => app.id)).toEqual([LAZADA_APP.id]);
    expect(plan.apps.keep).toEqual([
      { appId: LAZADA_APP.id, fileAppId: 'twin', reason: 'duplicate_in_file' },
    ]);
    expect(plan.grants.add.map((g) => g.appId)).toEqual([LAZADA_APP.id, LAZADA_APP.id]);
  });
});

describe('secrets', () => {
  const withSecret = (secret: string, updatedAt = LAZADA_APP.updatedAt): BackupContents =>
    fileOf(
      {
        ...emptyState(),
        apps: [{ ...LAZADA_APP, updatedAt }],
        secrets: new Map([[LAZADA_APP.id, appSecret(secret)]]),
      },
      { includeSecrets: true },
    );

  it('from a file without secrets never clear or change a local secret', () => {
    const plan = planImport(localState(), fileOf(localState()), options);
    expect(plan.secrets).toEqual([]);
    expect(applyInMemory(localState(), plan, T0).secrets).toEqual(SECRETS);
  });

  it('fill in a secret missing here', () => {
    const noSecrets = localState({ secrets: new Map() });
    expect(planImport(noSecrets, withSecret('from-file'), options).secrets).toEqual([
      { appId: LAZADA_APP.id, secret: 'from-file', replaces: false },
    ]);
  });

  it('replace a different local secret only along with a newer profile', () => {
    expect(planImport(localState(), withSecret('rotated-elsewhere'), options).secrets).toEqual([]);
    expect(
      planImport(localState(), withSecret('rotated-elsewhere', LAZADA_APP.updatedAt + 1), options).secrets,
    ).toEqual([{ appId: LAZADA_APP.id, secret: 'rotated-elsewhere', replaces: true }]);
  });

  it('equal to the local one change nothing', () => {
    const same = withSecret(SECRETS.get(LAZADA_APP.id)!, LAZADA_APP.updatedAt + 1);
    expect(planImport(localState(), same, options).secrets).toEqual([]);
  });
});

describe('grants', () => {
  const id = shop(LAZADA_APP, 1).id;
  const planFor = (local: LocalGrant, incoming: LocalGrant, build: Parameters<typeof fileOf>[1] = {}) =>
    planImport(localState({ grants: [local] }), fileOf(localState({ grants: [incoming] }), build), options);

  it('from the file replace the local one when refreshed later', () => {
    const plan = planFor(
      shop(LAZADA_APP, 1, { lastRefreshedAt: T0 + HOUR }),
      shop(LAZADA_APP, 1, { lastRefreshedAt: T0 + 2 * HOUR, refreshToken: 'gen2' }),
    );
    expect(reasons(plan)).toEqual({ add: [], update: [[id, 'newer_tokens']], keep: [] });
    expect(plan.grants.update[0]?.incoming.refreshToken).toBe('gen2');
    expect(plan.grants.update[0]?.local?.lastRefreshedAt).toBe(T0 + HOUR);
  });

  it('from the file replace the local one when authorized again later', () => {
    const plan = planFor(
      shop(LAZADA_APP, 1, { status: 'needs_authorization', lastRefreshedAt: T0 + HOUR }),
      shop(LAZADA_APP, 1, { authorizedAt: T0 + 3 * HOUR, refreshToken: 'fresh' }),
    );
    expect(reasons(plan).update).toEqual([[id, 'newer_tokens']]);
  });

  it('never downgrade a rotated refresh token, even when every other field of the file looks newer', () => {
    const local = shop(LAZADA_APP, 1, {
      lastRefreshedAt: T0 + 5 * HOUR,
      refreshToken: 'gen5',
      status: 'connected',
      failures: 2,
      updatedAt: T0 + 5 * HOUR,
    });
    const stale = shop(LAZADA_APP, 1, {
      authorizedAt: T0 + HOUR,
      lastRefreshedAt: T0 + 4 * HOUR,
      refreshToken: 'gen4',
      refreshExpiresAt: local.refreshExpiresAt + 30 * DAY,
      accessExpiresAt: local.accessExpiresAt + DAY,
      createdAt: T0 + HOUR,
      updatedAt: T0 + 9 * HOUR,
    });
    const plan = planFor(local, stale);
    expect(reasons(plan)).toEqual({ add: [], update: [], keep: [[id, 'local_newer']] });
    expect(applyInMemory(localState({ grants: [local] }), plan, T0 + 10 * HOUR).grants).toEqual([local]);
  });

  it('that are the same pair are kept, and a same-age different pair is kept as a conflict', () => {
    const local = shop(LAZADA_APP, 1, { lastRefreshedAt: T0 + HOUR });
    expect(reasons(planFor(local, { ...local, status: 'needs_authorization' })).keep).toEqual([
      [id, 'same_tokens'],
    ]);
    expect(reasons(planFor(local, { ...local, refreshToken: 'other' })).keep).toEqual([
      [id, 'same_age_other_tokens'],
    ]);
  });

  it('here and absent from the file are left alone: nothing local is deleted', () => {
    const local = localState();
    const file = fileOf({ ...emptyState(), apps: [LAZADA_APP] });
    const after = applyInMemory(local, planImport(local, file, options), T0 + DAY);
    expect(after.grants).toEqual(local.grants);
    expect(after.apps).toEqual(local.apps);
  });

  it('listed twice in a file for one grant here: the newer entry is planned', () => {
    const twin = { ...LAZADA_APP, id: 'twin' };
    const older = shop(LAZADA_APP, 1, { lastRefreshedAt: T0 + HOUR });
    const newer = shop(twin, 1, { lastRefreshedAt: T0 + 2 * HOUR, refreshToken: 'newest' });
    const file = fileOf({ ...emptyState(), apps: [LAZADA_APP, twin], grants: [older, newer] });
    const plan = planImport(emptyState(), file, options);
    expect(plan.grants.add.map((g) => g.incoming.refreshToken)).toEqual(['newest']);
    expect(plan.grants.keep.map((g) => [g.fileGrantId, g.reason])).toEqual([[older.id, 'duplicate_in_file']]);
  });
});

describe('moved grants', () => {
  const id = shop(LAZADA_APP, 1).id;
  const MOVED_HERE_AT = T0 + 3 * HOUR;

  it('in a Move file take over in a browser that did not have them', () => {
    const file = fileOf(localState({ grants: [shop(LAZADA_APP, 1)] }), { move: true });
    const plan = planImport(emptyState(), file, options);
    expect(plan.grants.add.map((g) => [g.id, g.reason, g.takesOver])).toEqual([[id, 'new', true]]);
    const after = applyInMemory(emptyState(), plan, EXPORTED_AT + HOUR);
    expect(after.grants[0]?.movedAt).toBeUndefined();
    expect(after.grants[0]?.status).toBe('connected');
  });

  it('in a Move file replace an older local copy and take over', () => {
    const local = shop(LAZADA_APP, 1);
    const moved = fileOf(localState({ grants: [shop(LAZADA_APP, 1, { lastRefreshedAt: T0 + HOUR })] }), {
      move: true,
    });
    const plan = planImport(localState({ grants: [local] }), moved, options);
    expect(plan.grants.update.map((g) => [g.reason, g.takesOver])).toEqual([['newer_tokens', true]]);
  });

  it('in a Move file do not override a local copy refreshed later', () => {
    const local = shop(LAZADA_APP, 1, { lastRefreshedAt: T0 + 2 * HOUR });
    const moved = fileOf(localState({ grants: [shop(LAZADA_APP, 1, { lastRefreshedAt: T0 + HOUR })] }), {
      move: true,
    });
    expect(reasons(planImport(localState({ grants: [local] }), moved, options)).keep).toEqual([
      [id, 'local_newer'],
    ]);
  });

  describe('moved away from here', () => {
    const movedAway = shop(LAZADA_APP, 1, { lastRefreshedAt: T0 + HOUR, movedAt: MOVED_HERE_AT });
    const here = () => localState({ grants: [movedAway] });

    it('stay references when our own Move file is imported back', () => {
      const ownFile = buildBackupContents(localState({ grants: [{ ...movedAway, movedAt: undefined }] }), {
        now: MOVED_HERE_AT,
        move: true,
      });
      expect(reasons(planImport(here(), ownFile, options)).keep).toEqual([[id, 'moved_away']]);
    });

    it('stay references when a plain copy comes from the browser that holds them, however new', () => {
      const copy = fileOf(localState({ grants: [shop(LAZADA_APP, 1, { lastRefreshedAt: T0 + 9 * HOUR })] }), {
        now: T0 + 10 * HOUR,
      });
      expect(reasons(planImport(here(), copy, options)).keep).toEqual([[id, 'moved_away']]);
    });

    it('come back when moved back later, refreshed there or not', () => {
      for (const lastRefreshedAt of [T0 + HOUR, T0 + 9 * HOUR]) {
        const back = fileOf(
          localState({ grants: [shop(LAZADA_APP, 1, { lastRefreshedAt, refreshToken: 'theirs' })] }),
          {
            now: T0 + 10 * HOUR,
            move: true,
          },
        );
        const plan = planImport(here(), back, options);
        expect(plan.grants.update.map((g) => [g.reason, g.takesOver])).toEqual([['handed_back', true]]);
        const [restored] = applyInMemory(here(), plan, T0 + 11 * HOUR).grants;
        expect(restored?.movedAt).toBeUndefined();
        expect(restored?.refreshToken).toBe('theirs');
      }
    });

    it('are not handed back with a pair older than the one they left with', () => {
      const back = fileOf(localState({ grants: [shop(LAZADA_APP, 1, { lastRefreshedAt: T0 + HOUR / 2 })] }), {
        now: T0 + 10 * HOUR,
        move: true,
      });
      expect(reasons(planImport(here(), back, options)).keep).toEqual([[id, 'moved_away']]);
    });
  });
});

describe('settings', () => {
  it('changed here are kept; those still at their default take the file value', () => {
    const local = localState({ settings: { ...DEFAULT_SETTINGS, refreshLeadMinutes: 45 } });
    const file = fileOf(
      localState({ settings: { ...DEFAULT_SETTINGS, refreshLeadMinutes: 60, notifications: false } }),
    );
    expect(planImport(local, file, options).settings).toEqual({ notifications: false });
  });

  it('equal on both sides change nothing', () => {
    expect(planImport(localState(), fileOf(localState()), options).settings).toEqual({});
  });
});

describe('tool permissions', () => {
  const origin = { kind: 'origin' as const, origin: 'https://tools.example.com' };
  const extension = { kind: 'extension' as const, extensionId: 'abcdefghijklmnopabcdefghijklmnop' };

  it('of tools unknown here are added for the same shops under their ids here; known tools keep their consent', () => {
    const theirs = otherBrowser(({ lazada }) => [shop(lazada, 7)]);
    const theirGrantId = theirs.grants[0]!.id;
    const file = fileOf({
      ...theirs,
      toolPermissions: [
        { caller: origin, grantIds: [theirGrantId], rawTokens: true, grantedAt: T0 },
        { caller: extension, grantIds: [theirGrantId], rawTokens: true, grantedAt: T0 },
      ],
    });
    const local = localState({
      toolPermissions: [{ caller: extension, grantIds: [], rawTokens: false, grantedAt: T0 }],
    });
    const plan = planImport(local, file, options);
    expect(plan.toolPermissions.add).toEqual([
      {
        caller: origin,
        grantIds: [grantIdFor(LAZADA_APP.id, theirs.grants[0]!.seller)],
        rawTokens: true,
        grantedAt: T0,
      },
    ]);
    expect(plan.toolPermissions.keep.map((p) => p.caller)).toEqual([extension]);
  });
});
