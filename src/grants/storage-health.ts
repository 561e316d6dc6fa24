/**
 * Which kinds of storage failure are going on, and what ends them. Pure: the worker's monitor
 * (src/background/wiring/storage-health-monitor.ts) keeps the value and tells a person.
 *
 * A failure ends once the same kind of use succeeds again: any read proves the database opens (which
 * ends open, upgrade and version failures), only a write proves there is room and writes commit.
 */
import {
  isStorageFailureKind,
  type StorageFailureKind,
  type StorageFailureView,
  type StorageHealthView,
  storageFailureTitle,
  storageFailureWords,
} from '../shared/storage-health';
import type { Notifier } from './ports';

export type StorageHealth = StorageHealthView;
export type StorageUse = 'read' | 'write';

export const HEALTHY: StorageHealth = Object.freeze({ failures: [] }) as StorageHealth;

const ENDED_BY_A_READ: ReadonlySet<StorageFailureKind> = new Set(['open', 'upgrade', 'newer_version']);

export function isFailing(health: StorageHealth): boolean {
  return health.failures.length > 0;
}

/** Whether only a write can show that storage works again (a full disk, aborted writes). */
export function needsWriteToRecover(health: StorageHealth): boolean {
  return health.failures.some((failure) => !ENDED_BY_A_READ.has(failure.kind));
}

/** With `kind` failing since `at`; the same value when that kind was failing already. */
export function withFailure(health: StorageHealth, kind: StorageFailureKind, at: number): StorageHealth {
  if (health.failures.some((failure) => failure.kind === kind)) return health;
  return { failures: [...health.failures, { kind, since: at }] };
}

/** Without the kinds a successful `use` disproves; the same value when none of them was failing. */
export function afterSuccess(health: StorageHealth, use: StorageUse): StorageHealth {
  const left = use === 'write' ? [] : health.failures.filter((failure) => !ENDED_BY_A_READ.has(failure.kind));
  return left.length === health.failures.length ? health : { failures: left };
}

/** The kinds failing in `after` that were not in `before`: each is told to a person once. */
export function newFailureKinds(before: StorageHealth, after: StorageHealth): StorageFailureKind[] {
  const known = new Set(before.failures.map((failure) => failure.kind));
  return after.failures.map((failure) => failure.kind).filter((kind) => !known.has(kind));
}

/** A kept value read back (session storage): anything unexpected counts as no knowledge. */
export function parseStorageHealth(raw: unknown): StorageHealth | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const failures: unknown = (raw as { failures?: unknown }).failures;
  if (!Array.isArray(failures)) return undefined;
  const parsed: StorageFailureView[] = [];
  for (const item of failures) {
    const kind: unknown = (item as { kind?: unknown } | null)?.kind;
    const since: unknown = (item as { since?: unknown } | null)?.since;
    if (!isStorageFailureKind(kind) || typeof since !== 'number' || !Number.isFinite(since)) return undefined;
    if (!parsed.some((failure) => failure.kind === kind)) parsed.push({ kind, since });
  }
  return { failures: parsed };
}

export const STORAGE_NOTICE_PREFIX = 'storage:';

/** One notification id per kind: a repeat replaces, never stacks. A click opens the popup and its banner. */
export function storageFailureNotice(kind: StorageFailureKind): Parameters<Notifier['notify']>[0] {
  const words = storageFailureWords(kind);
  return {
    id: `${STORAGE_NOTICE_PREFIX}${kind}`,
    title: storageFailureTitle(),
    message: `${words.problem} ${words.remedy}`,
  };
}
