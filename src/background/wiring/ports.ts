/**
 * The worker's own small interfaces (the shared ones live in src/grants/ports.ts, the login's in
 * src/grants/connect/ports.ts). Browser adapters in ../adapters implement them; tests use in-memory fakes.
 */

/** The one wake-up alarm: `undefined` clears it. */
export interface Scheduler {
  arm(when: number | undefined): Promise<void>;
}

/** The toolbar badge: how many shops need a person. */
export interface Badge {
  show(attentionCount: number): Promise<void>;
}

/**
 * Tells open extension pages that grants changed so they read them again. Best effort and data-free:
 * with no page open there is nobody to tell, and pages keep a slow poll as a safety net.
 */
export interface ChangeSignal {
  grantsChanged(): Promise<void>;
}

/** Opens an extension page (path relative to the extension root) in a normal tab. */
export type OpenExtensionPage = (path: string) => Promise<void>;
