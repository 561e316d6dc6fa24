/**
 * What connecting a shop needs from the browser, as small interfaces: the worker's adapters
 * (src/background/adapters) implement them, tests use in-memory fakes.
 */

/**
 * One login window: resolves with the callback URL the platform redirected to. `signal` aborts when the
 * login took too long: the window then closes what it opened and rejects with the signal's reason.
 */
export interface AuthWindow {
  open(authorizeUrl: string, redirectUri: string, signal: AbortSignal): Promise<string>;
}

/** Host access the worker needs to see a tab reach a callback URL (optional host permissions). */
export interface OriginAccess {
  has(url: string): Promise<boolean>;
}

/** Keeps the worker alive while `task` runs (a login can take minutes of typing). */
export type KeepAwake = <T>(task: () => Promise<T>) => Promise<T>;
