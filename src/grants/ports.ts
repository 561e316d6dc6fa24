/**
 * The small interfaces the worker's logic is written against. IndexedDB implementations live in
 * src/grants/store/, in-memory fakes in test/support/fakes/, browser adapters in src/background/adapters/.
 */
import type { RefreshedTokens } from '../platforms/types';
import type { AppSecret } from '../shared/checked';
import type { ActivityEntry, AppProfile, ConnectAttempt, Settings } from '../shared/model';
import type { Grant } from './model';

export interface Clock {
  now(): number;
}

export interface GrantStore {
  get(id: string): Promise<Grant | undefined>;
  list(): Promise<Grant[]>;
  listByApp(appId: string): Promise<Grant[]>;
  /** Insert or replace, in one transaction. */
  put(grant: Grant): Promise<void>;
  /**
   * Read-modify-write in ONE transaction: `change` sees the stored grant (or undefined) and returns
   * the new one, or undefined to leave it as it is. Resolves to what is stored afterwards.
   */
  update(id: string, change: (current: Grant | undefined) => Grant | undefined): Promise<Grant | undefined>;
  remove(id: string): Promise<boolean>;
  /** Grants with dueAt <= now, earliest first, through the `dueAt` index (never a full scan). */
  listDue(now: number, limit: number): Promise<Grant[]>;
  /** The smallest dueAt of any grant, or undefined when there are none due ever. */
  earliestDueAt(): Promise<number | undefined>;
  /**
   * Every grant with its tokens blanked, for the shop list: read from a saved listing and the grants
   * written since it was saved, which is quick however many shops there are.
   */
  listing(): Promise<Grant[]>;
  /** Folds the grants written since into the saved listing, once enough have gathered (after each wake). */
  saveListing(): Promise<void>;
}

export interface AppStore {
  get(id: string): Promise<AppProfile | undefined>;
  list(): Promise<AppProfile[]>;
  put(app: AppProfile): Promise<void>;
  /** Removes the app, its secret and its grants in one transaction; returns how many grants went. */
  remove(id: string): Promise<number>;
}

/** Worker-only: no page ever reads a secret back. */
export interface SecretStore {
  get(appId: string): Promise<AppSecret | undefined>;
  /** The secret's type says it was checked (`parseAppSecret`): the store does not check it again. */
  put(appId: string, secret: AppSecret): Promise<void>;
  has(appId: string): Promise<boolean>;
}

export interface AttemptStore {
  /** The most recent attempt (at most one is kept running at a time). */
  latest(): Promise<ConnectAttempt | undefined>;
  put(attempt: ConnectAttempt): Promise<void>;
  clear(): Promise<void>;
}

export interface SettingsStore {
  get(): Promise<Settings>;
  save(change: Partial<Settings>): Promise<Settings>;
}

export interface ActivityLog {
  /** Appends, dropping the oldest entries beyond the bound. */
  add(entry: Omit<ActivityEntry, 'id'>): Promise<void>;
  /** Newest first. */
  list(filter?: { grantId?: string; limit?: number }): Promise<ActivityEntry[]>;
}

/** A grant write inside a batch: `change` sees the stored grant (or undefined) and returns the new one or undefined. */
export interface GrantChange {
  id: string;
  change(current: Grant | undefined): Grant | undefined;
}

/** What one batch writes. Apps and secrets are put as given; settings are merged into the stored ones. */
export interface RecordBatch {
  apps?: readonly AppProfile[];
  secrets?: readonly { appId: string; secret: AppSecret }[];
  grants?: readonly GrantChange[];
  settings?: Partial<Settings>;
}

/**
 * Several records over apps, secrets, grants and settings in ONE transaction: an import applies all of
 * it or nothing, and a grant change reads the record it replaces inside that transaction. Resolves to the
 * ids of the grants written.
 */
export interface RecordBatchStore {
  write(batch: RecordBatch): Promise<string[]>;
}

/** Web Locks in production: exclusive, across the worker and every extension page. */
export interface LockManager {
  withLock<T>(name: string, task: () => Promise<T>): Promise<T>;
}

/**
 * Desktop notifications; `id` makes a notification replace, not repeat, an earlier one. `grantId` is the
 * shop it is about; a notice about Seller Auth itself (its storage) has none.
 */
export interface Notifier {
  notify(notification: { id: string; grantId?: string; title: string; message: string }): Promise<void>;
}

/**
 * A rotated pair written ahead of IndexedDB (chrome.storage.session: it outlives the worker, not the
 * browser), kept until IndexedDB holds it. One entry per grant.
 */
export interface RefreshJournalEntry {
  grantId: string;
  /** The refresh token the call spent: the pair applies only while the store still holds it. */
  sentRefreshToken: string;
  tokens: RefreshedTokens;
  /** When the answer arrived (the refresh's `now`). */
  receivedAt: number;
}

export interface RefreshJournal {
  put(entry: RefreshJournalEntry): Promise<void>;
  get(grantId: string): Promise<RefreshJournalEntry | undefined>;
  delete(grantId: string): Promise<void>;
  list(): Promise<RefreshJournalEntry[]>;
}
