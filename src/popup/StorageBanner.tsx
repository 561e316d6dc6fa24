/** Seller Auth cannot use its storage: what went wrong and what to do, above everything else. */
import { t } from '../shared/i18n';
import { type StorageFailureView, storageFailureTitle, storageFailureWords } from '../shared/storage-health';

export interface StorageBannerProps {
  failures: StorageFailureView[];
  onCheckAgain: () => void;
}

export function StorageBanner({ failures, onCheckAgain }: StorageBannerProps) {
  if (failures.length === 0) return null;
  const title = storageFailureTitle();
  return (
    <section class="notice notice--error" role="alert" aria-label={title}>
      <p class="notice__title">{title}</p>
      {failures.map(({ kind }) => {
        const words = storageFailureWords(kind);
        return (
          <p class="notice__detail" key={kind}>
            {words.problem} <strong>{words.remedy}</strong>
          </p>
        );
      })}
      <div class="notice__actions">
        <button type="button" class="button button--primary" onClick={onCheckAgain}>
          {t('check_again')}
        </button>
      </div>
    </section>
  );
}
