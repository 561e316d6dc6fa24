/**
 * The one message protocol between pages and the worker. The pages' `send()`, the worker's request
 * parsers and its handler map are all typed from `Protocol`, so a missing or mistyped one fails the
 * type check.
 */

import type { BackupExport, BackupFileInfo, BackupStatus, ImportPreview } from './backup';
import type { ErrorData } from './errors';
import type { GrantQuery, GrantQueryResult } from './grant-query';
import type { ActivityEntry, AppInput, AppView, AttemptView, GrantView, Settings } from './model';
import type { Country } from './platform';
import type { StorageHealthView } from './storage-health';
import type { ConsentAnswer, ConsentRequestView, ToolAccessView } from './tools';

export interface Protocol {
  'extension.info': { request: undefined; response: { extensionId: string; identityCallbackUrl: string } };
  'apps.list': { request: undefined; response: AppView[] };
  'apps.save': { request: AppInput; response: AppView };
  /** Removes the app, its secret and every grant made through it. */
  'apps.remove': { request: { appId: string }; response: { removedGrants: number } };
  /** Runs the whole login; resolves when it ends. A reopened popup reads the outcome with `connect.status`. */
  'connect.start': {
    request: { appId: string; countries?: Country[]; reauthorizeGrantId?: string };
    response: AttemptView;
  };
  'connect.status': { request: undefined; response: AttemptView | null };
  'connect.dismiss': { request: undefined; response: null };
  'grants.list': { request: undefined; response: GrantView[] };
  /** A window of the shop list (filtered, searched, needs attention first) and its counts: never all rows. */
  'grants.query': { request: GrantQuery; response: GrantQueryResult };
  'grants.refresh': { request: { grantId: string }; response: GrantView };
  'grants.remove': { request: { grantId: string }; response: null };
  /** The only message whose reply carries a token: sent on an explicit click. */
  'grants.accessToken': {
    request: { grantId: string };
    response: { accessToken: string; expiresAt: number };
  };
  'settings.get': { request: undefined; response: Settings };
  'settings.save': { request: Partial<Settings>; response: Settings };
  'activity.list': { request: { grantId?: string; limit?: number }; response: ActivityEntry[] };
  /** Whether the worker can use its storage; answered without IndexedDB. */
  'health.status': { request: undefined; response: StorageHealthView };
  /**
   * The encrypted backup file, in the reply to the page that asked (tokens only inside the encryption).
   * `move`: the exported shops are marked as moved here once the file exists, and never refreshed again.
   */
  'backup.export': {
    request: { passphrase: string; includeSecrets: boolean; move: boolean };
    response: BackupExport;
  };
  /** Checks a chosen file before its passphrase is asked for: the named errors of a bad file, at once. */
  'backup.inspect': { request: { text: string }; response: BackupFileInfo };
  /** What importing the file would add, update and keep. Changes nothing. */
  'backup.preview': { request: { text: string; passphrase: string }; response: ImportPreview };
  /** Plans the import again against what is stored now and writes it in one go; answers what it did. */
  'backup.apply': { request: { text: string; passphrase: string }; response: ImportPreview };
  'backup.status': { request: undefined; response: BackupStatus };
  /** The consent window reads the request it was opened for, and answers it. */
  'consent.get': { request: { id: string }; response: ConsentRequestView };
  'consent.answer': { request: ConsentAnswer; response: null };
  /** "Connected tools" in the options page. */
  'toolAccess.list': { request: undefined; response: ToolAccessView[] };
  'toolAccess.revoke': { request: { caller: string }; response: null };
  /** Web page origins allowed to ask as seller tools (each answers the list afterwards). */
  'toolOrigins.list': { request: undefined; response: string[] };
  'toolOrigins.add': { request: { origin: string }; response: string[] };
  'toolOrigins.remove': { request: { origin: string }; response: string[] };
}

export type MessageType = keyof Protocol;
export type RequestOf<T extends MessageType> = Protocol[T]['request'];
export type ResponseOf<T extends MessageType> = Protocol[T]['response'];

export type Message = { [T in MessageType]: { type: T; payload: RequestOf<T> } }[MessageType];

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorData };

export const MESSAGE_TYPES = [
  'extension.info',
  'apps.list',
  'apps.save',
  'apps.remove',
  'connect.start',
  'connect.status',
  'connect.dismiss',
  'grants.list',
  'grants.query',
  'grants.refresh',
  'grants.remove',
  'grants.accessToken',
  'settings.get',
  'settings.save',
  'activity.list',
  'health.status',
  'backup.export',
  'backup.inspect',
  'backup.preview',
  'backup.apply',
  'backup.status',
  'consent.get',
  'consent.answer',
  'toolAccess.list',
  'toolAccess.revoke',
  'toolOrigins.list',
  'toolOrigins.add',
  'toolOrigins.remove',
] as const satisfies readonly MessageType[];

/**
 * What the worker broadcasts to open extension pages. Not a request: nothing answers it, and the
 * worker's router refuses it like any unknown message. It carries no data but the ids of the shops
 * that changed (no tokens, no views): a page that cares asks again through the protocol, for those
 * rows only. Without `ids`, anything may have changed.
 */
export type WorkerEvent = { event: 'grants.changed'; ids?: string[] };
export type WorkerEventName = WorkerEvent['event'];

export const WORKER_EVENTS = ['grants.changed'] as const satisfies readonly WorkerEventName[];
