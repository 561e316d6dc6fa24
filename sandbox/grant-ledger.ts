/**
 * What the sandbox has handed out: authorization codes and live grants. Bounded in memory (oldest
 * entries go first) so a benchmark with thousands of refreshes stays flat; every operation is O(1).
 */
import type { Country } from '../src/shared/platform';
import { newAccessToken, newAuthorizationCode, newRefreshToken } from './random-ids';
import type { RegisteredApp, SandboxConfig, SandboxSeller } from './types';

interface IssuedCode {
  appKey: string;
  seller: SandboxSeller;
  /** The venture chosen on the login page (Lazada); undefined on AliExpress. */
  country: Country | undefined;
  issuedAt: number;
}

/** One authorization, alive until its refresh deadline. Tokens rotate; the deadline never moves. */
export interface SandboxGrant {
  appKey: string;
  seller: SandboxSeller;
  country: Country | undefined;
  accessToken: string;
  refreshToken: string;
  accessExpiresAt: number;
  /** Fixed at authorization. Equals `accessExpiresAt` when the grant cannot be refreshed. */
  refreshExpiresAt: number;
  refreshable: boolean;
}

export type LedgerResult =
  | { ok: true; grant: SandboxGrant }
  | { ok: false; code: 'InvalidCode' | 'IllegalRefreshToken' | 'AUTH_TYPE_UNSUPPORTED' };

type Lifetimes = Pick<
  SandboxConfig,
  'accessTtlSeconds' | 'refreshTtlSeconds' | 'refreshDisabled' | 'codeTtlSeconds'
>;

export interface GrantLedger {
  issueCode(
    app: RegisteredApp,
    seller: SandboxSeller,
    country: Country | undefined,
    now: number,
    lifetimes: Lifetimes,
  ): string;
  /** Single use: a valid code is consumed; an expired one is forgotten; one from another app is left alone. */
  redeemCode(code: string, appKey: string, now: number, lifetimes: Lifetimes): LedgerResult;
  /** Rotates both tokens; the old refresh token is refused from then on. */
  refresh(refreshToken: string, appKey: string, now: number, lifetimes: Lifetimes): LedgerResult;
  /** Makes an issued code too old to redeem; false when no such code is pending. */
  expireCode(code: string): boolean;
  findByAccessToken(accessToken: string): SandboxGrant | undefined;
  /** The access token stops working; the grant's refresh token still refreshes it. */
  revokeAccessToken(accessToken: string): boolean;
  clear(): void;
}

export interface LedgerLimits {
  maxCodes: number;
  maxGrants: number;
}

const DEFAULT_LIMITS: LedgerLimits = { maxCodes: 10_000, maxGrants: 100_000 };
// Entries looked at per insert when pruning expired ones: enough to keep up, cheap per request.
const PRUNE_BATCH = 4;

export function createGrantLedger(limits: LedgerLimits = DEFAULT_LIMITS): GrantLedger {
  // Maps iterate in insertion order: the head is always the oldest (or least recently rotated) entry.
  const codes = new Map<string, IssuedCode>();
  const byRefreshToken = new Map<string, SandboxGrant>();
  const byAccessToken = new Map<string, SandboxGrant>();

  function pruneCodes(now: number, codeTtlMs: number): void {
    let looked = 0;
    for (const [code, issued] of codes) {
      const full = codes.size >= limits.maxCodes;
      if (looked >= PRUNE_BATCH || (!full && issued.issuedAt + codeTtlMs > now)) break;
      codes.delete(code);
      looked += 1;
    }
  }

  function forget(grant: SandboxGrant): void {
    byRefreshToken.delete(grant.refreshToken);
    byAccessToken.delete(grant.accessToken);
  }

  function remember(grant: SandboxGrant, now: number): void {
    let looked = 0;
    for (const oldest of byRefreshToken.values()) {
      const full = byRefreshToken.size >= limits.maxGrants;
      if (looked >= PRUNE_BATCH || (!full && oldest.refreshExpiresAt > now)) break;
      forget(oldest);
      looked += 1;
    }
    byRefreshToken.set(grant.refreshToken, grant);
    byAccessToken.set(grant.accessToken, grant);
  }

  return {
    issueCode(app, seller, country, now, lifetimes) {
      pruneCodes(now, lifetimes.codeTtlSeconds * 1000);
      const code = newAuthorizationCode(app.platform, app.appKey);
      codes.set(code, { appKey: app.appKey, seller, country, issuedAt: now });
      return code;
    },

    redeemCode(code, appKey, now, lifetimes) {
      const issued = codes.get(code);
      if (!issued || issued.appKey !== appKey) return { ok: false, code: 'InvalidCode' };
      codes.delete(code);
      if (issued.issuedAt + lifetimes.codeTtlSeconds * 1000 <= now) return { ok: false, code: 'InvalidCode' };

      const accessExpiresAt = now + lifetimes.accessTtlSeconds * 1000;
      const refreshable = !lifetimes.refreshDisabled;
      const grant: SandboxGrant = {
        appKey,
        seller: issued.seller,
        country: issued.country,
        accessToken: newAccessToken(),
        refreshToken: newRefreshToken(),
        accessExpiresAt: refreshable
          ? Math.min(accessExpiresAt, now + lifetimes.refreshTtlSeconds * 1000)
          : accessExpiresAt,
        refreshExpiresAt: refreshable ? now + lifetimes.refreshTtlSeconds * 1000 : accessExpiresAt,
        refreshable,
      };
      remember(grant, now);
      return { ok: true, grant };
    },

    refresh(refreshToken, appKey, now, lifetimes) {
      const grant = byRefreshToken.get(refreshToken);
      if (!grant || grant.appKey !== appKey) return { ok: false, code: 'IllegalRefreshToken' };
      if (!grant.refreshable || lifetimes.refreshDisabled)
        return { ok: false, code: 'AUTH_TYPE_UNSUPPORTED' };
      if (grant.refreshExpiresAt <= now) {
        forget(grant);
        return { ok: false, code: 'IllegalRefreshToken' };
      }
      forget(grant);
      const rotated: SandboxGrant = {
        ...grant,
        accessToken: newAccessToken(),
        refreshToken: newRefreshToken(),
        // A new access lifetime, but never past the deadline fixed at authorization.
        accessExpiresAt: Math.min(now + lifetimes.accessTtlSeconds * 1000, grant.refreshExpiresAt),
      };
      remember(rotated, now);
      return { ok: true, grant: rotated };
    },

    expireCode(code) {
      const issued = codes.get(code);
      if (!issued) return false;
      issued.issuedAt = Number.NEGATIVE_INFINITY;
      return true;
    },

    findByAccessToken(accessToken) {
      return byAccessToken.get(accessToken);
    },

    revokeAccessToken(accessToken) {
      return byAccessToken.delete(accessToken);
    },

    clear() {
      codes.clear();
      byRefreshToken.clear();
      byAccessToken.clear();
    },
  };
}
