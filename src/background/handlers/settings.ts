import { nextDueAt } from '../../grants/lifecycle';
import type { Clock, GrantStore, SettingsStore } from '../../grants/ports';
import type { Settings } from '../../shared/model';
import type { Handlers } from '../messaging/request-parsers';

export interface SettingsHandlerDeps {
  settings: SettingsStore;
  grants: GrantStore;
  clock: Clock;
  rearm: () => Promise<void>;
}

/** The settings every stored `dueAt` was computed from: a change moves each grant's next wake. */
export const SCHEDULE_FIELDS = [
  'refreshLeadMinutes',
  'keepAccessDays',
  'reminderDays',
] as const satisfies readonly (keyof Settings)[];

export async function rescheduleAll(
  deps: Pick<SettingsHandlerDeps, 'grants' | 'clock'>,
  settings: Settings,
): Promise<void> {
  const now = deps.clock.now();
  for (const grant of await deps.grants.list()) {
    await deps.grants.update(grant.id, (current) => {
      if (!current) return undefined;
      const dueAt = nextDueAt(current, settings, now);
      return dueAt === current.dueAt ? undefined : { ...current, dueAt };
    });
  }
}

export function createSettingsHandlers(
  deps: SettingsHandlerDeps,
): Pick<Handlers, 'settings.get' | 'settings.save'> {
  return {
    'settings.get': () => deps.settings.get(),

    // The change was parsed and normalized at the edge (settings-change.ts).
    'settings.save': async (change) => {
      const saved = await deps.settings.save(change);
      if (SCHEDULE_FIELDS.some((field) => field in change)) await rescheduleAll(deps, saved);
      await deps.rearm();
      return saved;
    },
  };
}
