import { describe, expect, it } from 'vitest';
import { benchAccount, benchSellers, handfulSearch } from '../bench-sellers';

describe('benchSellers', () => {
  const sellers = benchSellers(100, 'pw');

  it('gives every seller its own account and venture ids', () => {
    expect(new Set(sellers.map((seller) => seller.account)).size).toBe(100);
    const sellerIds = sellers.flatMap((seller) => seller.ventures.map((venture) => venture.sellerId));
    expect(new Set(sellerIds).size).toBe(sellerIds.length);
    expect(sellers[42]?.account).toBe('shop-00042@bench.test');
  });

  it('makes every 25th seller cross-border over all six ventures, the rest single-venture', () => {
    const crossBorder = sellers.filter((seller) => seller.country === 'cb');
    expect(crossBorder.map((seller) => seller.account)).toEqual([24, 49, 74, 99].map(benchAccount));
    expect(crossBorder.every((seller) => seller.ventures.length === 6)).toBe(true);
    const single = sellers.filter((seller) => seller.country !== 'cb');
    expect(
      single.every(
        (seller) => seller.ventures.length === 1 && seller.ventures[0]?.country === seller.country,
      ),
    ).toBe(true);
  });
});

describe('handfulSearch', () => {
  it('matches the ten accounts around the middle one and nothing else', () => {
    const accounts = benchSellers(5_000, 'pw').map((seller) => seller.account);
    const { term, matches } = handfulSearch(accounts);
    expect(term).toBe('shop-0250');
    expect(matches).toEqual(Array.from({ length: 10 }, (_, i) => benchAccount(2_500 + i)));
  });

  it('still matches a few when there are fewer than ten shops past the middle', () => {
    const accounts = benchSellers(3, 'pw').map((seller) => seller.account);
    expect(handfulSearch(accounts).matches).toEqual(accounts);
  });
});
