import { attentionCount } from '../grants/lifecycle';
import type { Clock } from '../grants/ports';
import type { Stores } from '../grants/store';
import type { AttemptPhase } from '../shared/model';

export interface DebugCounts {
  grants: number;
  apps: number;
  needsAttention: number;
  attempt: AttemptPhase | null;
}

/** Numbers only, for browser tests and support: never a token, a secret or an account. */
export function createDebugHook(stores: Stores, clock: Clock) {
  return Object.freeze({
    async counts(): Promise<DebugCounts> {
      const [grants, apps, settings, attempt] = await Promise.all([
        stores.grants.list(),
        stores.apps.list(),
        stores.settings.get(),
        stores.attempts.latest(),
      ]);
      return {
        grants: grants.length,
        apps: apps.length,
        needsAttention: attentionCount(grants, settings, clock.now()),
        attempt: attempt?.phase ?? null,
      };
    },
  });
}
