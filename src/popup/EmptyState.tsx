/** What the popup says when there is nothing to list yet. */
import { usePageActions } from '../ui/open-page';

export function EmptyState(props: { kind: 'no-apps' | 'no-shops' }) {
  const { openOptionsPage } = usePageActions();
  if (props.kind === 'no-shops') {
    return (
      <section class="empty">
        <p>No shops yet. Pick your app above and press “Connect shop” to add the first one.</p>
      </section>
    );
  }
  return (
    <section class="empty">
      <p>Add your Lazada or AliExpress app first, then connect shops to it.</p>
      <button type="button" class="button button--primary" onClick={() => void openOptionsPage()}>
        Set up your app
      </button>
    </section>
  );
}
