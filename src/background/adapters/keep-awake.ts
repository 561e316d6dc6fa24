import type { KeepAwake } from '../../grants/connect/ports';

/** Any extension API call resets the worker's 30 s idle timer; this one is cheap and harmless. */
const HEARTBEAT_MS = 20_000;

/** Keeps the worker alive while a person types a password in a login window or tab. */
export function createKeepAwake(ping: () => Promise<unknown>): KeepAwake {
  return async (task) => {
    const heartbeat = setInterval(() => void ping().catch(() => {}), HEARTBEAT_MS);
    try {
      return await task();
    } finally {
      clearInterval(heartbeat);
    }
  };
}
