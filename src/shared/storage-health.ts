/**
 * Whether the worker can use its IndexedDB storage, as pages see it (`health.status`), and the words a
 * person reads about it in the notification and the popup banner. Shared so both say the same thing.
 */

import { t } from './i18n';

/** How storage failed; each kind tells a person something different to do. */
export const STORAGE_FAILURE_KINDS = ['open', 'upgrade', 'newer_version', 'quota', 'transaction'] as const;
export type StorageFailureKind = (typeof STORAGE_FAILURE_KINDS)[number];

export function isStorageFailureKind(value: unknown): value is StorageFailureKind {
  return typeof value === 'string' && (STORAGE_FAILURE_KINDS as readonly string[]).includes(value);
}

export interface StorageFailureView {
  kind: StorageFailureKind;
  /** When this kind first failed, epoch ms. */
  since: number;
}

/** No failures: storage works (as far as the worker knows). Oldest failure first. */
export interface StorageHealthView {
  failures: StorageFailureView[];
}

/** The banner's and the notification's heading. */
export function storageFailureTitle(): string {
  return t('storage_title');
}

export interface StorageFailureWords {
  /** What went wrong, in a sentence. */
  problem: string;
  /** What a person can do about it. */
  remedy: string;
}

export function storageFailureWords(kind: StorageFailureKind): StorageFailureWords {
  return { problem: t(`storage_${kind}_problem`), remedy: t(`storage_${kind}_remedy`) };
}
