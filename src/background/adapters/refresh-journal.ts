import type { Storage } from 'webextension-polyfill';
import type { RefreshJournal, RefreshJournalEntry } from '../../grants/ports';

/** One key per grant, so two grants committing at once never overwrite each other's entry. */
const PREFIX = 'refresh-journal:';

/**
 * The write-ahead over `storage.session`: it outlives the worker (not the browser), stays in memory,
 * and is readable only by the extension's own contexts (the default access level).
 */
export function createSessionRefreshJournal(session: Storage.StorageArea): RefreshJournal {
  return {
    put: (entry) => session.set({ [PREFIX + entry.grantId]: entry }),
    get: async (grantId) => {
      const key = PREFIX + grantId;
      return asEntry((await session.get(key))[key]);
    },
    delete: (grantId) => session.remove(PREFIX + grantId),
    list: async () => {
      const all = await session.get(null);
      return Object.entries(all)
        .filter(([key]) => key.startsWith(PREFIX))
        .map(([, value]) => asEntry(value))
        .filter((entry): entry is RefreshJournalEntry => entry !== undefined);
    },
  };
}

/** Only what this adapter wrote has this shape; anything else under the prefix is ignored. */
function asEntry(value: unknown): RefreshJournalEntry | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const entry = value as Partial<RefreshJournalEntry>;
  return typeof entry.grantId === 'string' &&
    typeof entry.sentRefreshToken === 'string' &&
    typeof entry.receivedAt === 'number' &&
    typeof entry.tokens?.accessToken === 'string'
    ? (entry as RefreshJournalEntry)
    : undefined;
}
