/** What the popup says when there is nothing to list yet. */
import { t } from '../shared/i18n';
import { usePageActions } from '../ui/open-page';

export function EmptyState(props: { kind: 'no-apps' | 'no-shops' }) {
  const { openOptionsPage } = usePageActions();
  if (props.kind === 'no-shops') {
    return (
      <section class="empty">
        <p>{t('empty_no_shops')}</p>
      </section>
    );
  }
  return (
    <section class="empty">
      <p>{t('empty_no_apps')}</p>
      <button type="button" class="button button--primary" onClick={() => void openOptionsPage()}>
        {t('set_up_app')}
      </button>
    </section>
  );
}
