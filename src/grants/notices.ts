/**
 * The two things a person is told about a grant, each at most once: "authorize again by <date>" as a
 * threshold passes, and "needs authorization" when it dies. The notice is claimed in the store first and
 * sent after, so a worker killed in between skips one notice rather than repeating it on every wake.
 */
import { formatDate } from '../shared/dates';
import { t } from '../shared/i18n';
import type { Settings } from '../shared/model';
import type { Grant } from './model';
import type { GrantStore, Notifier } from './ports';
import { updateIf } from './update-if';

export type Notice = Parameters<Notifier['notify']>[0];

/** `grant:<grantId>:<kind>`: the id format the notifier adapter maps back to the grant on a click. */
function noticeId(grantId: string, kind: 'reminder' | 'needs_authorization'): string {
  return `grant:${grantId}:${kind}`;
}

function shopLabel(grant: Grant): string {
  return `${grant.seller.account} (${grant.seller.country.toUpperCase()})`;
}

/** One notification id per grant for reminders: a later, more urgent one replaces the earlier. */
export function reminderNotice(grant: Grant): Notice {
  return {
    id: noticeId(grant.id, 'reminder'),
    grantId: grant.id,
    title: t('notice_reminder_title'),
    message: t('notice_reminder_message', shopLabel(grant), formatDate(grant.refreshExpiresAt)),
  };
}

function needsAuthorizationNotice(grant: Grant): Notice {
  return {
    id: noticeId(grant.id, 'needs_authorization'),
    grantId: grant.id,
    title: t('notice_disconnected_title'),
    message: t('notice_disconnected_message', shopLabel(grant)),
  };
}

/** Sends, unless notifications are off; a notifier failure never fails the work around it. */
export async function sendNotice(notifier: Notifier, settings: Settings, notice: Notice): Promise<boolean> {
  if (!settings.notifications) return false;
  try {
    await notifier.notify(notice);
    return true;
  } catch {
    return false;
  }
}

/** Tells a person once that this dead grant needs them; later calls do nothing until it is authorized again. */
export async function announceNeedsAuthorization(
  deps: { grants: GrantStore; notifier: Notifier },
  grantId: string,
  settings: Settings,
): Promise<boolean> {
  const claimed = await updateIf(deps.grants, grantId, (current) =>
    current && current.status === 'needs_authorization' && !current.deathNotified
      ? { ...current, deathNotified: true }
      : undefined,
  );
  return claimed ? sendNotice(deps.notifier, settings, needsAuthorizationNotice(claimed)) : false;
}
