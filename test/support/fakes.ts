/**
 * In-memory fakes of every port in src/grants/ports.ts, plus a clock you advance, a token client that
 * behaves like the platform's rotating token endpoint, a real per-name mutex and a recording notifier.
 * Faithful on purpose (stores hand out copies, `update` is atomic, `listDue` is ordered by dueAt), so a
 * test over them means what it says. Everything async yields at least once, like IndexedDB does.
 */

import { normalizeSettingsChange } from '../../src/background/messaging/settings-change';
import { type Grant, NEVER_DUE } from '../../src/grants/model';
import type {
  ActivityLog,
  AppStore,
  AttemptStore,
  Clock,
  GrantStore,
  LockManager,
  Notifier,
  SecretStore,
  SettingsStore,
} from '../../src/grants/ports';
import { prepareActivityEntry } from '../../src/grants/store/activity-entry';
import { readLimit } from '../../src/grants/store/read-limit';
import { checkStorableGrant, requireId, requireTime } from '../../src/grants/store/record-checks';
import type { AppCredentials, TokenClient, TokenGrant } from '../../src/platforms/types';
import type { AppSecret } from '../../src/shared/checked';
import { SellerAuthError } from '../../src/shared/errors';
import {
  type ActivityEntry,
  type AppProfile,
  type ConnectAttempt,
  DEFAULT_SETTINGS,
  type Settings,
} from '../../src/shared/model';
import type { SellerIdentity } from '../../src/shared/platform';

const DAY_MS = 86_400_000;

/** A Monday morning, far from any DST change or month end. */
export const FAKE_EPOCH = Date.UTC(2025, 0, 6, 9, 0, 0);

/** Lets every pending promise callback run (one macrotask drains all microtasks). */
export function settleMicrotasks(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A deterministic stand-in for Math.random (mulberry32). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Timer {
  at: number;
  order: number;
  resolve: () => void;
}

/**
 * Time that moves only when told. `sleep` waits on it; `advance` moves it, waking sleepers in time order;
 * `run` drives a task to its end, jumping to the next timer whenever everything else is waiting.
 */
export class FakeClock implements Clock {
  private time: number;
  private timers: Timer[] = [];
  private order = 0;

  constructor(start: number = FAKE_EPOCH) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  /** How many sleepers are waiting. */
  get pendingTimers(): number {
    return this.timers.length;
  }

  readonly sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      this.timers.push({ at: this.time + Math.max(0, ms), order: this.order++, resolve });
    });

  /** A timer on this clock, with its cancel: what token-client's and refresh-grant's `startTimer` take. */
  readonly startTimer = (fire: () => void, ms: number): (() => void) => {
    const timer: Timer = { at: this.time + Math.max(0, ms), order: this.order++, resolve: fire };
    this.timers.push(timer);
    return () => {
      this.timers = this.timers.filter((t) => t !== timer);
    };
  };

  /** Moves time forward by `ms`, waking each sleeper at its own time and letting it run before the next. */
  async advance(ms: number): Promise<void> {
    await this.advanceTo(this.time + ms);
  }

  /** Moves time to `target`; whatever is ready runs first, at the time it was ready. */
  async advanceTo(target: number): Promise<void> {
    for (;;) {
      await settleMicrotasks();
      const timer = this.popDue(target);
      if (!timer) break;
      this.time = Math.max(this.time, timer.at);
      timer.resolve();
    }
    this.time = Math.max(this.time, target);
    await settleMicrotasks();
  }

  /** Runs `task` to its end in fake time. Throws if it waits on something the clock cannot move. */
  async run<T>(task: Promise<T>, maxSteps = 100_000): Promise<T> {
    let settled = false;
    const watched = task.finally(() => {
      settled = true;
    });
    watched.catch(() => {});
    for (let step = 0; step < maxSteps; step++) {
      await settleMicrotasks();
      if (settled) return watched;
      const timer = this.popDue(Number.POSITIVE_INFINITY);
      if (!timer) throw new Error('FakeClock.run: the task waits on something other than the clock.');
      this.time = Math.max(this.time, timer.at);
      timer.resolve();
    }
    throw new Error(`FakeClock.run: not finished after ${maxSteps} steps.`);
  }

  private popDue(limit: number): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers) {
      if (
        timer.at <= limit &&
        (!best || timer.at < best.at || (timer.at === best.at && timer.order < best.order))
      ) {
        best = timer;
      }
    }
    if (best) this.timers.splice(this.timers.indexOf(best), 1);
    return best;
  }
}

function storageFailed(): SellerAuthError {
  return new SellerAuthError('storage_failed', 'The fake store was told to fail this write.');
}

const yieldOnce = (): Promise<void> => Promise.resolve();

/** GrantStore in a Map. `update` reads, changes and writes with no await in between: atomic, like a transaction. */
export class FakeGrantStore implements GrantStore {
  private readonly rows = new Map<string, Grant>();
  private writesToFail = 0;
  /** Successful writes so far. */
  writes = 0;

  constructor(grants: readonly Grant[] = []) {
    for (const grant of grants) this.rows.set(grant.id, structuredClone(grant));
  }

  /** The next `count` writes reject with `storage_failed` and store nothing. */
  failNextWrites(count = 1): void {
    this.writesToFail = count;
  }

  /** A synchronous copy, for assertions. */
  peek(id: string): Grant | undefined {
    const grant = this.rows.get(id);
    return grant && structuredClone(grant);
  }

  /** Synchronous copies of every grant, by id. */
  all(): Grant[] {
    return [...this.rows.values()]
      .sort((a, b) => compareText(a.id, b.id))
      .map((grant) => structuredClone(grant));
  }

  /** Removes every grant `matches` selects at once (the fake AppStore's cascade). */
  removeWhere(matches: (grant: Grant) => boolean): number {
    let removed = 0;
    for (const [id, grant] of this.rows) {
      if (matches(grant)) {
        this.rows.delete(id);
        removed += 1;
      }
    }
    return removed;
  }

  async get(id: string): Promise<Grant | undefined> {
    await yieldOnce();
    return this.peek(id);
  }

  async list(): Promise<Grant[]> {
    await yieldOnce();
    return this.all();
  }

  async listByApp(appId: string): Promise<Grant[]> {
    await yieldOnce();
    return this.all().filter((grant) => grant.appId === appId);
  }

  async put(grant: Grant): Promise<void> {
    await yieldOnce();
    this.write(grant);
  }

  async update(
    id: string,
    change: (current: Grant | undefined) => Grant | undefined,
  ): Promise<Grant | undefined> {
    await yieldOnce();
    const next = change(this.peek(id));
    if (next === undefined) return this.peek(id);
    if (next.id !== id) {
      throw new SellerAuthError('invalid_input', "An update cannot change a grant's id.", { field: 'id' });
    }
    this.write(next);
    return this.peek(id);
  }

  async remove(id: string): Promise<boolean> {
    await yieldOnce();
    return this.rows.delete(id);
  }

  async listDue(now: number, limit: number): Promise<Grant[]> {
    await yieldOnce();
    if (Number.isNaN(now)) {
      throw new SellerAuthError('invalid_input', 'Due grants are listed for a time, not NaN.', {
        field: 'now',
      });
    }
    const count = Math.floor(limit);
    if (!(count > 0)) return [];
    return this.all()
      .filter((grant) => grant.dueAt <= now && grant.dueAt < NEVER_DUE)
      .sort((a, b) => a.dueAt - b.dueAt || compareText(a.id, b.id))
      .slice(0, count);
  }

  async earliestDueAt(): Promise<number | undefined> {
    await yieldOnce();
    let earliest: number | undefined;
    for (const grant of this.rows.values()) {
      if (grant.dueAt < NEVER_DUE && (earliest === undefined || grant.dueAt < earliest))
        earliest = grant.dueAt;
    }
    return earliest;
  }

  async count(): Promise<number> {
    await yieldOnce();
    return this.rows.size;
  }

  private write(grant: Grant): void {
    if (this.writesToFail > 0) {
      this.writesToFail -= 1;
      throw storageFailed();
    }
    // The IndexedDB store's own checks, so the fake does not accept what production would not.
    checkStorableGrant(grant);
    this.rows.set(grant.id, structuredClone(grant));
    this.writes += 1;
  }
}

/** IndexedDB key order for strings: code units, not locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class FakeSecretStore implements SecretStore {
  private readonly secrets = new Map<string, AppSecret>();

  async get(appId: string): Promise<AppSecret | undefined> {
    await yieldOnce();
    return this.secrets.get(appId);
  }

  async put(appId: string, secret: AppSecret): Promise<void> {
    await yieldOnce();
    requireId(appId, 'appId');
    this.secrets.set(appId, secret);
  }

  async has(appId: string): Promise<boolean> {
    await yieldOnce();
    return this.secrets.has(appId);
  }

  /** Synchronous delete (the fake AppStore's cascade). */
  delete(appId: string): void {
    this.secrets.delete(appId);
  }
}

/** Removing an app removes its secret and its grants in the same step, as the real store's transaction does. */
export class FakeAppStore implements AppStore {
  private readonly apps = new Map<string, AppProfile>();

  constructor(
    private readonly grants?: FakeGrantStore,
    private readonly secrets?: FakeSecretStore,
  ) {}

  async get(id: string): Promise<AppProfile | undefined> {
    await yieldOnce();
    const app = this.apps.get(id);
    return app && structuredClone(app);
  }

  async list(): Promise<AppProfile[]> {
    await yieldOnce();
    // Key order, as IndexedDB's getAll answers.
    return [...this.apps.values()].sort((a, b) => compareText(a.id, b.id)).map((app) => structuredClone(app));
  }

  async put(app: AppProfile): Promise<void> {
    await yieldOnce();
    requireId(app.id, 'id');
    this.apps.set(app.id, structuredClone(app));
  }

  async remove(id: string): Promise<number> {
    await yieldOnce();
    this.apps.delete(id);
    this.secrets?.delete(id);
    return this.grants?.removeWhere((grant) => grant.appId === id) ?? 0;
  }
}

/** Attempts by id; the latest is the one started last, as the real store's `startedAt` index answers. */
export class FakeAttemptStore implements AttemptStore {
  private readonly attempts = new Map<string, ConnectAttempt>();

  async latest(): Promise<ConnectAttempt | undefined> {
    await yieldOnce();
    let newest: ConnectAttempt | undefined;
    for (const attempt of this.attempts.values()) {
      // Ties go to the greater id, as a reverse cursor over the index visits them.
      if (
        !newest ||
        attempt.startedAt > newest.startedAt ||
        (attempt.startedAt === newest.startedAt && compareText(attempt.id, newest.id) > 0)
      ) {
        newest = attempt;
      }
    }
    return newest && structuredClone(newest);
  }

  async put(attempt: ConnectAttempt): Promise<void> {
    await yieldOnce();
    requireId(attempt.id, 'id');
    requireTime(attempt.startedAt, 'startedAt');
    this.attempts.set(attempt.id, structuredClone(attempt));
  }

  async clear(): Promise<void> {
    await yieldOnce();
    this.attempts.clear();
  }
}

/**
 * Settings over DEFAULT_SETTINGS. What it is given passes the `settings.save` parser first, as every
 * change does before it reaches the real store, so a test cannot run the worker on settings it refuses.
 */
export class FakeSettingsStore implements SettingsStore {
  private settings: Settings;

  constructor(initial: Partial<Settings> = {}) {
    this.settings = { ...structuredClone(DEFAULT_SETTINGS), ...normalizeSettingsChange(initial) };
  }

  async get(): Promise<Settings> {
    await yieldOnce();
    return structuredClone(this.settings);
  }

  async save(change: Partial<Settings>): Promise<Settings> {
    await yieldOnce();
    this.settings = { ...this.settings, ...normalizeSettingsChange(change) };
    return structuredClone(this.settings);
  }
}

/**
 * Keeps the `limit` entries added last, numbered in order, through the real store's entry preparation
 * (checks, redaction, caps); lists newest first by time, as the real log's `at` index does.
 */
export class FakeActivityLog implements ActivityLog {
  private readonly rows: ActivityEntry[] = [];
  private nextId = 1;
  private readonly limit: number;

  constructor(limit = 1000) {
    this.limit = Math.max(1, Math.floor(limit));
  }

  /** In the order added, for assertions. */
  get entries(): ActivityEntry[] {
    return structuredClone(this.rows);
  }

  async add(entry: Omit<ActivityEntry, 'id'>): Promise<void> {
    await yieldOnce();
    this.rows.push({ ...structuredClone(prepareActivityEntry(entry)), id: this.nextId++ });
    if (this.rows.length > this.limit) this.rows.splice(0, this.rows.length - this.limit);
  }

  async list(filter: { grantId?: string; limit?: number } = {}): Promise<ActivityEntry[]> {
    await yieldOnce();
    const limit = readLimit(filter.limit);
    if (limit.kind === 'none') return [];
    const matching = this.rows
      .filter((entry) => filter.grantId === undefined || entry.grantId === filter.grantId)
      .sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0));
    return structuredClone(limit.kind === 'at_most' ? matching.slice(0, limit.count) : matching);
  }
}

/** An exclusive async mutex per lock name, in request order, like Web Locks. */
export class FakeLockManager implements LockManager {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly held = new Set<string>();
  /** Every grant of a lock, by name, in order. */
  readonly granted: string[] = [];

  isHeld(name: string): boolean {
    return this.held.has(name);
  }

  async withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    const tail = previous.then(() => mine);
    this.tails.set(name, tail);
    await previous;
    this.held.add(name);
    this.granted.push(name);
    try {
      return await task();
    } finally {
      this.held.delete(name);
      if (this.tails.get(name) === tail) this.tails.delete(name);
      release();
    }
  }
}

export type SentNotice = Parameters<Notifier['notify']>[0];

export class FakeNotifier implements Notifier {
  readonly sent: SentNotice[] = [];
  /** When set, `notify` rejects with it (and records nothing). */
  failWith: Error | undefined;

  async notify(notification: SentNotice): Promise<void> {
    await yieldOnce();
    if (this.failWith) throw this.failWith;
    this.sent.push(structuredClone(notification));
  }
}

export interface TokenCall {
  kind: 'create' | 'refresh';
  appKey: string;
  /** The code or refresh token sent. */
  credential: string;
  at: number;
}

/** What the next refresh call does instead of answering normally. */
export type RefreshStep =
  /** Fails before the server changes anything. */
  | { fail: SellerAuthError }
  /** The server rotates the pair, then the answer is lost (a dropped connection, a killed worker). */
  | { loseAnswer: SellerAuthError };

export interface IssueOptions {
  accessTtlMs?: number;
  /** 0: the grant cannot be refreshed (its deadline is its access expiry). */
  refreshTtlMs?: number;
}

interface Chain {
  seller: SellerIdentity;
  refreshable: boolean;
  refreshExpiresAt: number;
}

/**
 * A TokenClient that behaves like the platform's token endpoint: codes work once, every refresh rotates
 * the pair and retires the refresh token it was given, and the refresh deadline of an authorization
 * never moves. Calls take `latencyMs` of fake time; `inFlight`/`maxInFlight` measure concurrency.
 */
export class FakeTokenClient implements TokenClient {
  accessTtlMs = 7 * DAY_MS;
  refreshTtlMs = 30 * DAY_MS;
  latencyMs = 0;
  /** Calls accepted per rolling second before the fake answers `rate_limited`. */
  rateLimitPerSecond: number | undefined;
  /** The `retryAfterMs` its rate-limit answers carry (the gateway's "ban will last 1 seconds"). */
  rateLimitRetryAfterMs = 1000;
  /** When set, any other app secret is answered with `signature_rejected`. */
  acceptedSecret: string | undefined;

  readonly calls: TokenCall[] = [];
  inFlight = 0;
  maxInFlight = 0;

  private readonly live = new Map<string, Chain>();
  private readonly codes = new Map<string, { seller: SellerIdentity; options: IssueOptions }>();
  private readonly steps: RefreshStep[] = [];
  private readonly accepted: number[] = [];
  private serial = 0;

  constructor(private readonly clock: FakeClock) {}

  /** A code the "login page" handed out: `create` trades it once for a new authorization. */
  addCode(code: string, seller: SellerIdentity, options: IssueOptions = {}): void {
    this.codes.set(code, { seller, options });
  }

  /** A new authorization, as `create` would answer it, without a call (to seed grants). */
  issue(seller: SellerIdentity, options: IssueOptions = {}): TokenGrant {
    const now = this.clock.now();
    const refreshTtlMs = options.refreshTtlMs ?? this.refreshTtlMs;
    const accessExpiresAt = now + (options.accessTtlMs ?? this.accessTtlMs);
    const refreshable = refreshTtlMs > 0;
    return this.mint(
      { seller, refreshable, refreshExpiresAt: refreshable ? now + refreshTtlMs : accessExpiresAt },
      {
        accessExpiresAt,
      },
    );
  }

  /** Scripts the next refresh calls, in order; unscripted calls answer normally. */
  scriptRefresh(...steps: RefreshStep[]): void {
    this.steps.push(...steps);
  }

  /** Whether the server would still accept this refresh token. */
  isLive(refreshToken: string): boolean {
    return this.live.has(refreshToken);
  }

  /** The server forgets this refresh token (the seller revoked the app). */
  revoke(refreshToken: string): void {
    this.live.delete(refreshToken);
  }

  get refreshTokensSent(): string[] {
    return this.calls.filter((call) => call.kind === 'refresh').map((call) => call.credential);
  }

  create(app: AppCredentials, code: string): Promise<TokenGrant> {
    return this.call('create', app, code, undefined, () => {
      const entry = this.codes.get(code);
      if (!entry) {
        throw new SellerAuthError('invalid_code', 'The authorization code is used, expired or unknown.', {
          platformCode: 'InvalidCode',
        });
      }
      this.codes.delete(code);
      return this.issue(entry.seller, entry.options);
    });
  }

  refresh(app: AppCredentials, refreshToken: string): Promise<TokenGrant> {
    return this.call('refresh', app, refreshToken, this.steps.shift(), () => this.rotate(refreshToken));
  }

  private async call(
    kind: TokenCall['kind'],
    app: AppCredentials,
    credential: string,
    step: RefreshStep | undefined,
    answer: () => TokenGrant,
  ): Promise<TokenGrant> {
    const at = this.clock.now();
    this.calls.push({ kind, appKey: app.appKey, credential, at });
    const limited = this.isOverRateLimit(at);
    if (!limited) this.accepted.push(at);
    this.inFlight += 1;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      if (this.latencyMs > 0) await this.clock.sleep(this.latencyMs);
      else await yieldOnce();
      if (limited) {
        throw new SellerAuthError('rate_limited', 'Too many calls: this ban will last 1 seconds.', {
          platformCode: 'ApiCallLimit',
          retryAfterMs: this.rateLimitRetryAfterMs,
        });
      }
      if (this.acceptedSecret !== undefined && app.appSecret !== this.acceptedSecret) {
        throw new SellerAuthError('signature_rejected', 'The signature does not match.', {
          platformCode: 'IncompleteSignature',
        });
      }
      if (step && 'fail' in step) throw step.fail;
      const result = answer();
      if (step && 'loseAnswer' in step) throw step.loseAnswer;
      return result;
    } finally {
      this.inFlight -= 1;
    }
  }

  private isOverRateLimit(at: number): boolean {
    if (this.rateLimitPerSecond === undefined) return false;
    const recent = this.accepted.filter((time) => time > at - 1000).length;
    return recent >= this.rateLimitPerSecond;
  }

  private rotate(refreshToken: string): TokenGrant {
    const chain = this.live.get(refreshToken);
    if (chain && !chain.refreshable) {
      throw new SellerAuthError('refresh_unsupported', 'This app cannot refresh authorizations.', {
        platformCode: 'AUTH_TYPE_UNSUPPORTED',
      });
    }
    if (!chain || this.clock.now() >= chain.refreshExpiresAt) {
      throw new SellerAuthError('refresh_token_invalid', 'The refresh token is invalid or expired.', {
        platformCode: 'IllegalRefreshToken',
      });
    }
    this.live.delete(refreshToken);
    return this.mint(chain, { accessExpiresAt: this.clock.now() + this.accessTtlMs });
  }

  private mint(chain: Chain, times: { accessExpiresAt: number }): TokenGrant {
    this.serial += 1;
    const refreshToken = `fake-refresh-token-${this.serial}`;
    this.live.set(refreshToken, chain);
    return {
      accessToken: `fake-access-token-${this.serial}`,
      refreshToken,
      accessExpiresAt: times.accessExpiresAt,
      refreshExpiresAt: chain.refreshExpiresAt,
      refreshable: chain.refreshable,
      obtainedAt: this.clock.now(),
      seller: structuredClone(chain.seller),
      requestId: `fake-request-${this.serial}`,
    };
  }
}
