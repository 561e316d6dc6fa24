import { describe, expect, it } from 'vitest';
import { buildBackupContents } from '../../../src/backup/build-contents';
import { planImport } from '../../../src/backup/plan-import';
import { previewImport } from '../../../src/backup/preview';
import { DEFAULT_SETTINGS } from '../../../src/shared/model';
import {
  ALIEXPRESS_APP,
  DAY,
  emptyState,
  HOUR,
  LAZADA_APP,
  localState,
  sensitiveStrings,
  shop,
  T0,
} from './fixtures';

const options = { newId: () => 'fresh' };

describe('previewImport', () => {
  it('never carries a token or a secret to the page', () => {
    const source = localState();
    const file = buildBackupContents(source, { now: T0 + DAY, includeSecrets: true, move: true });
    const here = localState({
      grants: [shop(LAZADA_APP, 1, { lastRefreshedAt: T0 + 5 * HOUR, refreshToken: 'local-refresh-secret' })],
    });
    const preview = previewImport(here, file, planImport(here, file, options));
    const shown = JSON.stringify(preview);
    for (const secret of [...sensitiveStrings(source), ...sensitiveStrings(here)]) {
      expect(shown).not.toContain(secret);
    }
  });

  it('names what is added, updated and kept, and why', () => {
    const here = localState({
      apps: [LAZADA_APP],
      grants: [shop(LAZADA_APP, 1, { lastRefreshedAt: T0 + 5 * HOUR }), shop(LAZADA_APP, 2)],
      settings: DEFAULT_SETTINGS,
    });
    const source = localState({
      grants: [
        shop(LAZADA_APP, 1, { lastRefreshedAt: T0 + HOUR }),
        shop(LAZADA_APP, 2, { lastRefreshedAt: T0 + HOUR }),
        shop(ALIEXPRESS_APP, 3),
      ],
      settings: { ...DEFAULT_SETTINGS, notifications: false },
    });
    const file = buildBackupContents(source, { now: T0 + DAY, move: true });
    const preview = previewImport(here, file, planImport(here, file, options));
    expect(preview.apps).toEqual({
      added: [
        {
          id: ALIEXPRESS_APP.id,
          name: ALIEXPRESS_APP.name,
          platform: 'aliexpress',
          appKey: ALIEXPRESS_APP.appKey,
        },
      ],
      updated: [],
      kept: 1,
    });
    expect(preview.shops.added.map((s) => [s.account, s.appName, s.takesOver])).toEqual([
      ['seller-3@example.com', ALIEXPRESS_APP.name, true],
    ]);
    expect(preview.shops.updated.map((s) => [s.account, s.reason])).toEqual([
      ['seller-2@example.com', 'newer_tokens'],
    ]);
    expect(preview.shops.kept.map((s) => [s.account, s.reason])).toEqual([
      ['seller-1@example.com', 'local_newer'],
    ]);
    expect(preview.takingOver).toBe(2);
    expect(preview.settings).toEqual(['notifications']);
    expect(preview.includesSecrets).toBe(false);
  });

  it('warns about apps whose imported shops will have no secret to refresh with', () => {
    const file = buildBackupContents(localState(), { now: T0 + DAY });
    const preview = previewImport(emptyState(), file, planImport(emptyState(), file, options));
    expect(preview.appsWithoutSecret.map((app) => app.id)).toEqual([LAZADA_APP.id, ALIEXPRESS_APP.id]);
    expect(preview.secrets).toEqual({ added: 0, replaced: 0 });

    const withSecrets = buildBackupContents(localState(), { now: T0 + DAY, includeSecrets: true });
    const covered = previewImport(emptyState(), withSecrets, planImport(emptyState(), withSecrets, options));
    expect(covered.appsWithoutSecret).toEqual([]);
    expect(covered.secrets).toEqual({ added: 2, replaced: 0 });
  });
});
