/** Seeded randomness: every stream the simulation draws from is named and derived from one seed. */

/** mulberry32: small, fast, and the same sequence on every machine. */
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

/**
 * A stream of its own for each purpose, so the population and the browser days are the same whichever
 * policy runs, and one part drawing more numbers never shifts another.
 */
export function streamFor(seed: number, purpose: string): () => number {
  let hash = 2_166_136_261 ^ seed;
  for (let i = 0; i < purpose.length; i += 1) hash = Math.imul(hash ^ purpose.charCodeAt(i), 16_777_619);
  return seededRandom(hash >>> 0);
}

export function uniform(random: () => number, from: number, to: number): number {
  return from + random() * (to - from);
}
