/**
 * Which copy of a grant wins. A grant's token pair changes only when it is authorized or refreshed, so
 * the pair issued later is the live one: the platform rotates the refresh token on every refresh, and a
 * pair older than ours was already spent. That makes the rules:
 *
 * - The file's grant replaces ours only if its pair was issued later. Never the other way: ours is
 *   kept when it is newer whatever else differs (status, deadline, updatedAt).
 * - Same issue time: the same pair (kept), or two pairs nobody can rank (kept: ours may be live).
 * - A grant this browser moved away (`movedAt`) stays a reference, never refreshed here, unless the file
 *   hands it back: exported with "Move" after our move, with a pair at least as new. A plain copy from
 *   the browser that holds it now does not revive it (both would refresh one rotating token and kill it),
 *   and neither does our own move file imported back (the other browser may have refreshed since).
 *   To take a shop back without a newer move file, authorize it again here.
 * - An imported grant is active here, moved or not: "Move" in the file means this browser takes over.
 *
 * The times come from the clocks of the browsers that did the refreshes, so a clock far off can rank two
 * copies wrongly. The cost stays bounded: the spent pair fails its next refresh and the shop asks to be
 * authorized again; no record is lost.
 */
import { grantIdFor } from '../grants/model';
import type { BackupGrant } from './contents';
import type { GrantKeepReason, ImportPlan, PlannedGrant } from './import-plan';
import type { LocalGrant } from './local-state';

/** When a grant's current token pair was issued: its last refresh, or its authorization if later. */
export function tokensIssuedAt(grant: Pick<BackupGrant, 'authorizedAt' | 'lastRefreshedAt'>): number {
  return Math.max(grant.authorizedAt, grant.lastRefreshedAt ?? grant.authorizedAt);
}

type Decision = { change: PlannedGrant['reason'] } | { keep: GrantKeepReason };

function decide(incoming: BackupGrant, local: LocalGrant | undefined): Decision {
  if (!local) return { change: 'new' };
  const theirs = tokensIssuedAt(incoming);
  const ours = tokensIssuedAt(local);
  if (local.movedAt !== undefined) {
    const handedBack = incoming.movedAt !== undefined && incoming.movedAt > local.movedAt;
    return handedBack && theirs >= ours ? { change: 'handed_back' } : { keep: 'moved_away' };
  }
  if (theirs > ours) return { change: 'newer_tokens' };
  if (theirs < ours) return { keep: 'local_newer' };
  return incoming.refreshToken === local.refreshToken
    ? { keep: 'same_tokens' }
    : { keep: 'same_age_other_tokens' };
}

/**
 * Two entries of one file can land on one grant here (the file held the same app twice): the one with
 * the newer pair is planned, the file's order breaking ties.
 */
function newestPerTarget(
  grants: readonly BackupGrant[],
  targetOf: (grant: BackupGrant) => string,
): Map<string, BackupGrant> {
  const chosen = new Map<string, BackupGrant>();
  for (const grant of grants) {
    const target = targetOf(grant);
    const current = chosen.get(target);
    if (!current || tokensIssuedAt(grant) > tokensIssuedAt(current)) chosen.set(target, grant);
  }
  return chosen;
}

export interface GrantPlan {
  grants: ImportPlan['grants'];
  /** File grant id -> this browser's grant id, for every grant in the file. */
  grantIds: ReadonlyMap<string, string>;
}

export function planGrants(
  fileGrants: readonly BackupGrant[],
  localGrants: readonly LocalGrant[],
  appIds: ReadonlyMap<string, readonly string[]>,
): GrantPlan {
  const plan: GrantPlan = { grants: { add: [], update: [], keep: [] }, grantIds: new Map() };
  const grantIds = plan.grantIds as Map<string, string>;
  const localById = new Map(localGrants.map((grant) => [grant.id, grant]));
  // The app here that already holds this seller, else the matched app (the first candidate).
  const appIdOf = (grant: BackupGrant): string => {
    const candidates = appIds.get(grant.appId) ?? [grant.appId];
    const holder = candidates.find((appId) => localById.has(grantIdFor(appId, grant.seller)));
    return holder ?? candidates[0] ?? grant.appId;
  };
  const targetOf = (grant: BackupGrant) => grantIdFor(appIdOf(grant), grant.seller);
  const chosen = newestPerTarget(fileGrants, targetOf);

  for (const incoming of fileGrants) {
    const appId = appIdOf(incoming);
    const id = grantIdFor(appId, incoming.seller);
    grantIds.set(incoming.id, id);
    if (chosen.get(id) !== incoming) {
      plan.grants.keep.push({ id, appId, fileGrantId: incoming.id, reason: 'duplicate_in_file' });
      continue;
    }
    const local = localById.get(id);
    const decision = decide(incoming, local);
    if ('keep' in decision) {
      plan.grants.keep.push({ id, appId, fileGrantId: incoming.id, reason: decision.keep });
      continue;
    }
    const planned: PlannedGrant = {
      id,
      appId,
      incoming,
      takesOver: incoming.movedAt !== undefined,
      reason: decision.change,
    };
    if (local) planned.local = local;
    (decision.change === 'new' ? plan.grants.add : plan.grants.update).push(planned);
  }
  return plan;
}
