/** Seller Auth cannot use its storage: what went wrong and what to do, above everything else. */
import {
  STORAGE_FAILURE_TITLE,
  STORAGE_FAILURE_WORDS,
  type StorageFailureView,
} from '../shared/storage-health';

export interface StorageBannerProps {
  failures: StorageFailureView[];
  onCheckAgain: () => void;
}

export function StorageBanner({ failures, onCheckAgain }: StorageBannerProps) {
  if (failures.length === 0) return null;
  return (
    <section class="notice notice--error" role="alert" aria-label={STORAGE_FAILURE_TITLE}>
      <p class="notice__title">{STORAGE_FAILURE_TITLE}</p>
      {failures.map(({ kind }) => (
        <p class="notice__detail" key={kind}>
          {STORAGE_FAILURE_WORDS[kind].problem} <strong>{STORAGE_FAILURE_WORDS[kind].remedy}</strong>
        </p>
      ))}
      <div class="notice__actions">
        <button type="button" class="button button--primary" onClick={onCheckAgain}>
          Check again
        </button>
      </div>
    </section>
  );
}
