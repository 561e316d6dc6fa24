/** A token client that behaves like the platform's rotating token endpoint. */

import type { AppCredentials, TokenClient, TokenGrant } from '../../../src/platforms/types';
import { SellerAuthError } from '../../../src/shared/errors';
import type { SellerIdentity } from '../../../src/shared/platform';
import { DAY } from '../builders';
import type { FakeClock } from './fake-clock';
import { yieldOnce } from './shared';

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
  accessTtlMs = 7 * DAY;
  refreshTtlMs = 30 * DAY;
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

  /**
   * How far the server's clock is from this computer's: -40 days models a local clock that jumped 40
   * days ahead. Deadlines live in server time; answers give them in local time, as a lifetime would.
   */
  serverOffsetMs = 0;

  constructor(private readonly clock: FakeClock) {}

  /** As the real client reports it: a minute or less is no offset. */
  gatewayOffsetMs(): number {
    return Math.abs(this.serverOffsetMs) < 60_000 ? 0 : this.serverOffsetMs;
  }

  private serverNow(): number {
    return this.clock.now() + this.serverOffsetMs;
  }

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
    const local = refreshable ? now + refreshTtlMs : accessExpiresAt;
    return this.mint(
      { seller, refreshable, refreshExpiresAt: local + this.serverOffsetMs },
      {
        accessExpiresAt,
      },
    );
  }

  /** Scripts the next refresh calls, in order; unscripted calls answer normally. */
  scriptRefresh(...steps: RefreshStep[]): void {
    this.steps.push(...steps);
  }

  /** Drops the scripted steps not yet used: calls answer normally again. */
  clearScript(): void {
    this.steps.length = 0;
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
    if (!chain || this.serverNow() >= chain.refreshExpiresAt) {
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
      refreshExpiresAt: chain.refreshExpiresAt - this.serverOffsetMs,
      refreshable: chain.refreshable,
      obtainedAt: this.clock.now(),
      seller: structuredClone(chain.seller),
      requestId: `fake-request-${this.serial}`,
    };
  }
}
