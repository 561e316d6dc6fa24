import type { Notifier } from '../../grants/ports';

/** The slice of `browser.notifications` the notifier needs. */
export interface NotificationsApi {
  create(
    id: string,
    options: { type: 'basic'; iconUrl: string; title: string; message: string; priority?: number },
  ): Promise<string>;
}

/** Builds the id that lets a later notification about the same grant and kind replace this one. */
export function notificationId(grantId: string, kind: string): string {
  return `grant:${grantId}:${kind}`;
}

/** The grant a notification is about, from `grant:<grantId>:<kind>` (grant ids may contain ':'). */
export function grantIdFromNotificationId(id: string): string | undefined {
  if (!id.startsWith('grant:')) return undefined;
  const end = id.lastIndexOf(':');
  const grantId = id.slice('grant:'.length, end);
  return end > 'grant:'.length && grantId ? grantId : undefined;
}

/** Desktop notifications; the caller's id (`grant:<id>:<kind>`) replaces rather than repeats. */
export function createChromeNotifier(notifications: NotificationsApi, iconUrl: string): Notifier {
  return {
    async notify({ id, title, message }) {
      await notifications.create(id, { type: 'basic', iconUrl, title, message, priority: 1 });
    },
  };
}
