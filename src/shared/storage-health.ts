/**
 * Whether the worker can use its IndexedDB storage, as pages see it (`health.status`), and the words a
 * person reads about it in the notification and the popup banner. Shared so both say the same thing.
 */

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

export const STORAGE_FAILURE_TITLE = 'Seller Auth cannot use its storage';

export interface StorageFailureWords {
  /** What went wrong, in a sentence. */
  problem: string;
  /** What a person can do about it. */
  remedy: string;
}

export const STORAGE_FAILURE_WORDS: Record<StorageFailureKind, StorageFailureWords> = {
  open: {
    problem: "Chrome could not open Seller Auth's stored data, so shops are not refreshed.",
    remedy: 'Restart Chrome. If it keeps happening, check that the disk is not full or failing.',
  },
  upgrade: {
    problem: 'Seller Auth could not update its stored data for this version. Nothing stored was changed.',
    remedy: 'Restart Chrome. Do not remove the extension: that would delete every connected shop.',
  },
  newer_version: {
    problem: 'The stored data was written by a newer version of Seller Auth, so this version cannot read it.',
    remedy: 'Update Seller Auth (chrome://extensions, Update), then restart Chrome.',
  },
  quota: {
    problem: 'This computer has no room left, so refreshed tokens and changes cannot be saved.',
    remedy: 'Free disk space, then restart Chrome.',
  },
  transaction: {
    problem: 'Chrome stopped Seller Auth while it was reading or saving its data.',
    remedy: 'Restart Chrome. If it keeps happening, check free disk space.',
  },
};
