/** Activity lines written after the grant is safe: a log that fails must not fail the work. */
import type { ActivityEntry } from '../shared/model';
import type { Grant } from './model';
import type { ActivityLog } from './ports';

type GrantActivity = Pick<ActivityEntry, 'kind' | 'errorCode' | 'detail'>;

/** Logs about a grant with its public identifiers only: never a token. */
export async function recordGrantActivity(
  log: ActivityLog,
  grant: Grant,
  at: number,
  activity: GrantActivity,
): Promise<void> {
  try {
    await log.add({ at, appId: grant.appId, grantId: grant.id, account: grant.seller.account, ...activity });
  } catch {
    // Best effort: the grant itself is already stored.
  }
}
