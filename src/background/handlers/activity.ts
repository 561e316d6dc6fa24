import type { ActivityLog } from '../../grants/ports';
import type { Handlers } from '../../shared/protocol';
import { optionalFieldsOf, optionalInteger, optionalString } from '../messaging/payload';

const DEFAULT_LIMIT = 200;
const MAX_LIMIT = 1000;

export function createActivityHandlers(activity: ActivityLog): Pick<Handlers, 'activity.list'> {
  return {
    'activity.list': async (payload) => {
      const fields = optionalFieldsOf(payload);
      return activity.list({
        grantId: optionalString(fields, 'grantId'),
        limit: optionalInteger(fields, 'limit', 1, MAX_LIMIT) ?? DEFAULT_LIMIT,
      });
    },
  };
}
