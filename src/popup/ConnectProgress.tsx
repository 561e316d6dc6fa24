/** The running or last "Connect shop" attempt: progress, then its outcome until dismissed. */
import type { ErrorData } from '../shared/errors';
import { t } from '../shared/i18n';
import { ErrorNotice } from '../ui/ErrorNotice';
import type { Connect } from './use-connect';

const unknownFailure = (): ErrorData => ({
  code: 'internal',
  message: t('connect_failed_unknown'),
  retryable: false,
});

export interface ConnectProgressProps {
  connect: Connect;
  /** The seller account of a grant, once the shop list has it. */
  accountFor(grantId: string): string | undefined;
}

export function ConnectProgress({ connect, accountFor }: ConnectProgressProps) {
  const { attempt, error, failedRequest } = connect;

  if (connect.running) {
    const exchanging = attempt?.phase === 'exchanging';
    return (
      <div class="progress" role="status">
        <span class="spinner" aria-hidden="true" />
        <span>
          {exchanging ? t('connect_exchanging') : t('connect_waiting_login')}
          {!exchanging && <span class="fineprint"> {t('connect_own_window')}</span>}
        </span>
      </div>
    );
  }

  if (error) {
    const again = failedRequest ? () => connect.start(failedRequest) : undefined;
    return <ErrorNotice error={error} onRetry={again} onReauthorize={again} onDismiss={connect.dismiss} />;
  }

  if (!attempt) return null;

  if (attempt.phase === 'succeeded') {
    const account = attempt.grantId ? accountFor(attempt.grantId) : undefined;
    return (
      <div class="notice notice--success" role="status">
        <p class="notice__title">{account ? t('connect_done_account', account) : t('connect_done')}</p>
        <div class="notice__actions">
          <button type="button" class="button button--quiet" onClick={connect.dismiss}>
            {t('dismiss')}
          </button>
        </div>
      </div>
    );
  }

  const again = () =>
    connect.start({
      appId: attempt.appId,
      ...(attempt.countries.length > 0 ? { countries: attempt.countries } : {}),
      ...(attempt.reauthorizeGrantId ? { reauthorizeGrantId: attempt.reauthorizeGrantId } : {}),
    });
  return (
    <ErrorNotice
      error={attempt.error ?? unknownFailure()}
      onRetry={again}
      onReauthorize={again}
      onDismiss={connect.dismiss}
    />
  );
}
