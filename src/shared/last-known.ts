/**
 * A read that falls back on the last value it returned when the source fails: for what only shapes
 * how things read (the settings behind the shop list's words), so a storage failure leaves the list on
 * screen, next to the banner that explains it, rather than blank. The first read still fails loudly.
 */
export function withLastKnown<T>(read: () => Promise<T>): () => Promise<T> {
  let last: { value: T } | undefined;
  return async () => {
    try {
      const value = await read();
      last = { value };
      return value;
    } catch (error) {
      if (last) return last.value;
      throw error;
    }
  };
}
