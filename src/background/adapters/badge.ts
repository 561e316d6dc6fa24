import type { Badge } from '../wiring/ports';

/** The slice of `browser.action` the badge needs. */
export interface ActionApi {
  setBadgeText(details: { text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
}

const ATTENTION_COLOR = '#C62828';
/** Storage failing: a sign rather than a count, in the same red (nothing works until it is fixed). */
export const STORAGE_FAILURE_TEXT = '!';

/** The text for a count: empty when nothing needs attention, capped so it fits the icon. */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 99 ? '99+' : String(count);
}

export function createActionBadge(action: ActionApi): Badge {
  return {
    async show(count) {
      await action.setBadgeBackgroundColor({ color: ATTENTION_COLOR });
      await action.setBadgeText({ text: badgeText(count) });
    },
    async showStorageFailure() {
      await action.setBadgeBackgroundColor({ color: ATTENTION_COLOR });
      await action.setBadgeText({ text: STORAGE_FAILURE_TEXT });
    },
  };
}
