/**
 * The worker's own small interfaces (the shared ones live in src/grants/ports.ts, the login's in
 * src/grants/connect/ports.ts). Browser adapters in ../adapters implement them; tests use in-memory fakes.
 */

/** The wake-up alarms: the one due alarm (`undefined` clears it), and a periodic safety alarm. */
export interface Scheduler {
  arm(when: number | undefined): Promise<void>;
  /**
   * Creates the periodic safety alarm unless it exists with its period. Every wake calls it: one lost
   * due alarm (or a re-arm that failed) then delays refreshing by one period at most.
   */
  ensureSafetyAlarm(): Promise<void>;
}

/** The toolbar badge: how many shops need a person, or that Seller Auth cannot use its storage. */
export interface Badge {
  show(attentionCount: number): Promise<void>;
  showStorageFailure(): Promise<void>;
}

/** One value kept outside IndexedDB (session storage: it outlives the worker, not the browser). */
export interface KeptValue<T> {
  read(): Promise<T | undefined>;
  write(value: T): Promise<void>;
}

/** Asks the browser not to evict Seller Auth's storage under pressure; resolves to whether it agreed. */
export interface DurableStorage {
  request(): Promise<boolean>;
}

/**
 * Tells open extension pages that grants changed so they read them again. Best effort, and no data but
 * the changed shops' ids (never a token): with no page open there is nobody to tell, and pages keep a
 * slow poll as a safety net. Without ids, anything may have changed.
 */
export interface ChangeSignal {
  grantsChanged(ids?: readonly string[]): Promise<void>;
}

/** Opens an extension page (path relative to the extension root) in a normal tab. */
export type OpenExtensionPage = (path: string) => Promise<void>;
