import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBackupContents } from '../../../src/backup/build-contents';
import type { LocalGrant, LocalState } from '../../../src/backup/local-state';
import { tokensIssuedAt } from '../../../src/backup/plan-grants';
import { planImport } from '../../../src/backup/plan-import';
import type { AppSecret } from '../../../src/shared/checked';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/model';
import { appSecret } from '../../support/checked';
import { applyInMemory } from './apply-in-memory';
import { ALIEXPRESS_APP, HOUR, LAZADA_APP, shop, T0 } from './fixtures';

const SELLERS = [1, 2, 3, 4];
const hours = (max: number) => fc.integer({ min: 0, max }).map((h) => T0 + h * HOUR);

/** One side's copy of a seller's grant: when its pair was issued, which pair, and whether it moved away. */
const grantSpec = fc.record({
  authorizedAt: hours(10),
  refreshedAfter: fc.option(fc.integer({ min: 0, max: 10 }), { nil: undefined }),
  generation: fc.integer({ min: 0, max: 3 }),
  dead: fc.boolean(),
  // Mostly not moved, so every rule gets its share of runs.
  movedAt: fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: hours(30) }),
});

const settingsSpec: fc.Arbitrary<Settings> = fc.record({
  refreshLeadMinutes: fc.constantFrom(30, 45),
  reminderDays: fc.constantFrom([7, 2, 1], [14]),
  maxConcurrentRefreshes: fc.constantFrom(4, 8),
  maxRefreshesPerMinute: fc.constant(300),
  notifications: fc.boolean(),
});

/** A browser: both apps under its own ids (or the shared ones), its own times, any subset of sellers and secrets. */
const browser = (ids: { lazada: string; aliexpress: string }, movable: boolean) =>
  fc
    .record({
      grants: fc.array(fc.option(grantSpec, { nil: undefined }), { minLength: 4, maxLength: 4 }),
      appUpdatedAt: fc.tuple(hours(5), hours(5)),
      secrets: fc.tuple(
        fc.option(fc.constantFrom('s1', 's2'), { nil: undefined }),
        fc.option(fc.constantFrom('s1', 's2'), { nil: undefined }),
      ),
      settings: fc.oneof(fc.constant(DEFAULT_SETTINGS), settingsSpec),
    })
    .map((spec): LocalState => {
      const apps = [
        { ...LAZADA_APP, id: ids.lazada, updatedAt: spec.appUpdatedAt[0] },
        { ...ALIEXPRESS_APP, id: ids.aliexpress, updatedAt: spec.appUpdatedAt[1] },
      ];
      const grants: LocalGrant[] = [];
      spec.grants.forEach((g, index) => {
        if (!g) return;
        const n = SELLERS[index]!;
        const app = apps[n % 2]!;
        const lastRefreshedAt =
          g.refreshedAfter === undefined ? undefined : g.authorizedAt + g.refreshedAfter * HOUR;
        const grant = shop(app, n, {
          authorizedAt: g.authorizedAt,
          lastRefreshedAt,
          refreshToken: `refresh-${n}-${g.authorizedAt}-${lastRefreshedAt}-${g.generation}`,
          status: g.dead ? 'needs_authorization' : 'connected',
        });
        const moved =
          movable && g.movedAt !== undefined ? { movedAt: Math.max(g.movedAt, tokensIssuedAt(grant)) } : {};
        grants.push({ ...grant, ...moved });
      });
      const secrets = new Map<string, AppSecret>();
      spec.secrets.forEach((secret, index) => {
        if (secret !== undefined) secrets.set(apps[index]!.id, appSecret(secret));
      });
      return { apps, secrets, grants, settings: spec.settings, toolPermissions: [] };
    });

const here = browser({ lazada: LAZADA_APP.id, aliexpress: ALIEXPRESS_APP.id }, true);
const there = fc.constantFrom(
  { lazada: LAZADA_APP.id, aliexpress: ALIEXPRESS_APP.id },
  { lazada: 'their-lazada', aliexpress: 'their-aliexpress' },
);
const file = fc
  .record({
    state: there.chain((ids) => browser(ids, false)),
    exportedAt: hours(40),
    move: fc.boolean(),
    includeSecrets: fc.boolean(),
  })
  .map(({ state, exportedAt, move, includeSecrets }) =>
    buildBackupContents(state, { now: exportedAt, move, includeSecrets }),
  );

const options = { newId: () => 'fresh-id' };
const NOW = T0 + 50 * HOUR;

describe('the import planner, for any two browsers', () => {
  it('never deletes a local app, grant or secret', () => {
    fc.assert(
      fc.property(here, file, (local, incoming) => {
        const after = applyInMemory(local, planImport(local, incoming, options), NOW);
        const ids = (state: LocalState) =>
          new Set([...state.apps.map((a) => a.id), ...state.grants.map((g) => g.id)]);
        for (const id of ids(local)) expect(ids(after).has(id)).toBe(true);
        for (const appId of local.secrets.keys()) expect(after.secrets.has(appId)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it('never downgrades a token pair, and revives a moved grant only when it is handed back', () => {
    fc.assert(
      fc.property(here, file, (local, incoming) => {
        const plan = planImport(local, incoming, options);
        const after = new Map(applyInMemory(local, plan, NOW).grants.map((g) => [g.id, g]));
        for (const before of local.grants) {
          const now = after.get(before.id)!;
          if (now === before) continue;
          expect(tokensIssuedAt(now)).toBeGreaterThanOrEqual(tokensIssuedAt(before));
          const planned = plan.grants.update.find((g) => g.id === before.id)!;
          if (before.movedAt === undefined) {
            expect(tokensIssuedAt(now)).toBeGreaterThan(tokensIssuedAt(before));
          } else {
            expect(planned.reason).toBe('handed_back');
            expect(planned.incoming.movedAt).toBeGreaterThan(before.movedAt);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('plans nothing more when the same file is imported again', () => {
    fc.assert(
      fc.property(here, file, (local, incoming) => {
        const once = applyInMemory(local, planImport(local, incoming, options), NOW);
        const again = planImport(once, incoming, options);
        expect(again.apps.add).toEqual([]);
        expect(again.apps.update).toEqual([]);
        expect(again.secrets).toEqual([]);
        expect(again.grants.add).toEqual([]);
        expect(again.grants.update).toEqual([]);
        expect(again.settings).toEqual({});
      }),
      { numRuns: 300 },
    );
  });

  it('accounts for every grant in the file exactly once', () => {
    fc.assert(
      fc.property(here, file, (local, incoming) => {
        const plan = planImport(local, incoming, options);
        const accounted = [
          ...plan.grants.add.map((g) => g.incoming.id),
          ...plan.grants.update.map((g) => g.incoming.id),
          ...plan.grants.keep.map((g) => g.fileGrantId),
        ];
        expect(accounted.sort()).toEqual(incoming.grants.map((g) => g.id).sort());
      }),
      { numRuns: 200 },
    );
  });
});
