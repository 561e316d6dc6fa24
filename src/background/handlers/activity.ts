import type { ActivityLog } from '../../grants/ports';
import type { Handlers } from '../messaging/request-parsers';

export function createActivityHandlers(activity: ActivityLog): Pick<Handlers, 'activity.list'> {
  return { 'activity.list': (filter) => activity.list(filter) };
}
