/** Human words for activity log events. Pure. */
import { t } from '../shared/i18n';
import type { ActivityKind } from '../shared/model';

export function eventLabel(kind: ActivityKind): string {
  return t(`event_${kind}`);
}
