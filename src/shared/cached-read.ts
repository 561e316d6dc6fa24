/**
 * A read kept in memory until its owner says the source changed: for what only the worker writes and
 * pages ask for at every opening (the settings behind each row's words, the app list), so the popup's
 * first questions touch no storage.
 * When the source fails, the last value read stands in: a storage failure leaves the list on screen,
 * next to the banner that explains it, rather than blank. The first read still fails loudly.
 */
export interface CachedRead<T> {
  read(): Promise<T>;
  /** The source changed (or may have): the next read goes to it. */
  forget(): void;
}

export function cachedRead<T>(source: () => Promise<T>): CachedRead<T> {
  let last: { value: T } | undefined;
  let fresh = false;
  // Bumped by forget(): a read that started before a change must not keep its answer as fresh.
  let generation = 0;
  return {
    async read() {
      if (fresh && last) return last.value;
      const started = generation;
      try {
        const value = await source();
        last = { value };
        fresh = started === generation;
        return value;
      } catch (error) {
        if (last) return last.value;
        throw error;
      }
    },
    forget() {
      generation += 1;
      fresh = false;
    },
  };
}
