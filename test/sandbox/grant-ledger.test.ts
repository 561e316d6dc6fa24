import { describe, expect, it } from 'vitest';
import { createGrantLedger } from '../../sandbox/grant-ledger';
import { DEFAULT_CONFIG, DEMO_SELLERS, demoApps } from '../../sandbox/index';

const [lazadaApp] = demoApps('http://127.0.0.1:1');
const seller = DEMO_SELLERS.lazadaSg;
const NOW = 1_800_000_000_000;

describe('grant ledger memory bounds', () => {
  it('forgets the oldest pending codes beyond maxCodes', () => {
    const ledger = createGrantLedger({ maxCodes: 3, maxGrants: 10 });
    const codes = Array.from({ length: 5 }, () =>
      ledger.issueCode(lazadaApp!, seller, 'sg', NOW, DEFAULT_CONFIG),
    );
    const results = codes.map((code) => ledger.redeemCode(code, lazadaApp!.appKey, NOW, DEFAULT_CONFIG).ok);
    expect(results).toEqual([false, false, true, true, true]);
  });

  it('forgets the least recently refreshed grant beyond maxGrants', () => {
    const ledger = createGrantLedger({ maxCodes: 10, maxGrants: 2 });
    const grant = () => {
      const code = ledger.issueCode(lazadaApp!, seller, 'sg', NOW, DEFAULT_CONFIG);
      const result = ledger.redeemCode(code, lazadaApp!.appKey, NOW, DEFAULT_CONFIG);
      if (!result.ok) throw new Error(result.code);
      return result.grant;
    };
    const first = grant();
    const second = grant();
    // Refreshing the first makes the second the oldest.
    const rotated = ledger.refresh(first.refreshToken, lazadaApp!.appKey, NOW, DEFAULT_CONFIG);
    grant();
    expect(rotated.ok && ledger.refresh(rotated.grant.refreshToken, '100001', NOW, DEFAULT_CONFIG).ok).toBe(
      true,
    );
    expect(ledger.refresh(second.refreshToken, '100001', NOW, DEFAULT_CONFIG)).toEqual({
      ok: false,
      code: 'IllegalRefreshToken',
    });
  });

  it('drops grants past their deadline as new ones arrive', () => {
    const ledger = createGrantLedger({ maxCodes: 10, maxGrants: 100 });
    const lifetimes = { ...DEFAULT_CONFIG, refreshTtlSeconds: 10 };
    const code = ledger.issueCode(lazadaApp!, seller, 'sg', NOW, lifetimes);
    const old = ledger.redeemCode(code, '100001', NOW, lifetimes);
    if (!old.ok) throw new Error(old.code);
    const later = NOW + 11_000;
    const next = ledger.issueCode(lazadaApp!, seller, 'sg', later, lifetimes);
    ledger.redeemCode(next, '100001', later, lifetimes);
    expect(ledger.findByAccessToken(old.grant.accessToken)).toBeUndefined();
  });

  it('keeps one entry per grant through thousands of rotations', () => {
    const ledger = createGrantLedger({ maxCodes: 10, maxGrants: 1 });
    const code = ledger.issueCode(lazadaApp!, seller, 'sg', NOW, DEFAULT_CONFIG);
    let result = ledger.redeemCode(code, '100001', NOW, DEFAULT_CONFIG);
    for (let i = 0; i < 5000 && result.ok; i += 1) {
      result = ledger.refresh(result.grant.refreshToken, '100001', NOW + i, DEFAULT_CONFIG);
    }
    expect(result.ok).toBe(true);
  });
});
