/** Bounded polling: every loop here ends by itself, so a stuck browser cannot hold the benchmark. */
import { sleep } from './progress';

/**
 * Asks `probe` every `everyMs` until it gives a value (returned) or `timeoutMs` pass (undefined).
 * A probe that throws counts as no value yet.
 */
export async function pollUntil<T>(
  timeoutMs: number,
  everyMs: number,
  probe: () => Promise<T | undefined> | T | undefined,
): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve()
      .then(probe)
      .catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() >= deadline) return undefined;
    await sleep(everyMs);
  }
}

/** Runs `sample` back to back, never overlapping, until the returned stop is called (and awaited). */
export function sampleEvery(everyMs: number, sample: () => Promise<void>): () => Promise<void> {
  let running = true;
  const done = (async () => {
    while (running) {
      await sample().catch(() => {});
      await sleep(everyMs);
    }
  })();
  return async () => {
    running = false;
    await done;
  };
}
