/**
 * The write-ahead of a rotated pair: put before the IndexedDB commit, deleted after it, and replayed
 * at worker start when a commit never happened (worker killed, storage failure), so an answer the
 * platform gave is never lost with the worker.
 */
import { type ApplyContext, withRefreshedTokens } from './apply-refresh';
import type { Grant } from './model';
import type { GrantStore, LockManager, RefreshJournal, RefreshJournalEntry } from './ports';
import { updateIf } from './update-if';

/** A journal in memory: for tests, and for a worker whose session storage is unavailable. */
export function createMemoryRefreshJournal(): RefreshJournal & { entries: Map<string, RefreshJournalEntry> } {
  const entries = new Map<string, RefreshJournalEntry>();
  return {
    entries,
    put: async (entry) => {
      entries.set(entry.grantId, structuredClone(entry));
    },
    get: async (grantId) => {
      const entry = entries.get(grantId);
      return entry && structuredClone(entry);
    },
    delete: async (grantId) => {
      entries.delete(grantId);
    },
    list: async () => [...entries.values()].map((entry) => structuredClone(entry)),
  };
}

/** Applies one pending pair if the store still holds the token it replaced; the entry is then done. */
export async function applyJournalEntry(
  grants: GrantStore,
  entry: RefreshJournalEntry,
  ctx: ApplyContext,
): Promise<Grant | undefined> {
  return updateIf(grants, entry.grantId, (current) =>
    current && current.refreshToken === entry.sentRefreshToken
      ? withRefreshedTokens(current, entry.tokens, { ...ctx, now: entry.receivedAt })
      : undefined,
  );
}

export interface ReplayDeps {
  grants: GrantStore;
  journal: RefreshJournal;
  locks: LockManager;
  lockName(grantId: string): string;
  context(): Promise<ApplyContext>;
}

/**
 * Replays every pending write-ahead, each under its grant's lock (a refresh still committing in this
 * worker holds it, and deletes its entry before letting go). Returns the grants it brought up to date.
 */
export async function replayRefreshJournal(deps: ReplayDeps): Promise<string[]> {
  const applied: string[] = [];
  for (const { grantId } of await deps.journal.list()) {
    await deps.locks.withLock(deps.lockName(grantId), async () => {
      const entry = await deps.journal.get(grantId);
      if (!entry) return;
      if (await applyJournalEntry(deps.grants, entry, await deps.context())) applied.push(grantId);
      await deps.journal.delete(grantId);
    });
  }
  return applied;
}
