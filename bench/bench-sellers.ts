/**
 * The benchmark's shops: `count` distinct Lazada sellers with predictable accounts (`shop-00042@bench.test`),
 * spread over the six ventures, every 25th one cross-border. Pure, so the popup's expected search
 * result is computed from the same list the sandbox was given.
 */
import type { LazadaSeller, LazadaVenture } from '../sandbox/types';

const VENTURES = ['sg', 'my', 'th', 'vn', 'ph', 'id'] as const;
const CROSS_BORDER_EVERY = 25;
const DIGITS = 5;

export function benchAccount(index: number): string {
  return `shop-${String(index).padStart(DIGITS, '0')}@bench.test`;
}

function venture(index: number, country: LazadaVenture['country']): LazadaVenture {
  const id = 5_000_000 + index * 10 + VENTURES.indexOf(country);
  return {
    country,
    sellerId: String(id),
    userId: id + 1_000_000,
    shortCode: `${country.toUpperCase()}B${id}`,
  };
}

export function benchSellers(count: number, password: string): LazadaSeller[] {
  return Array.from({ length: count }, (_, index) => {
    const account = benchAccount(index);
    if (index % CROSS_BORDER_EVERY === CROSS_BORDER_EVERY - 1) {
      const ventures = VENTURES.map((country) => venture(index, country));
      return { platform: 'lazada', account, password, country: 'cb', ventures };
    }
    const country = VENTURES[index % VENTURES.length] ?? 'sg';
    return { platform: 'lazada', account, password, country, ventures: [venture(index, country)] };
  });
}

/**
 * A search that matches a handful of the shops: the accounts sharing all but the last digit with the
 * middle one (ten of them when there are enough shops), and the accounts it must leave on screen.
 */
export function handfulSearch(accounts: readonly string[]): { term: string; matches: string[] } {
  const middle = benchAccount(Math.floor(accounts.length / 2));
  const term = middle.slice(0, middle.indexOf('@') - 1);
  return { term, matches: accounts.filter((account) => account.includes(term)) };
}
