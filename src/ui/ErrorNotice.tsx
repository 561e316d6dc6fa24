/** One error in human words, with its next step as a button. */
import type { ErrorData } from '../shared/errors';
import { t } from '../shared/i18n';
import { describeError } from './error-words';
import { usePageActions } from './open-page';

export interface ErrorNoticeProps {
  error: ErrorData;
  /** Shown when the next step is "Try again"; without it, no button. */
  onRetry?: () => void;
  /** Shown when the next step is "Authorize again"; without it, no button. */
  onReauthorize?: () => void;
  /** "Open settings" opens the options page unless this replaces it (the options page itself). */
  onOpenSettings?: () => void;
  onDismiss?: () => void;
  /** What the error is about ("shop@example.com"), added to button names so rows can be told apart. */
  subject?: string;
}

export function ErrorNotice(props: ErrorNoticeProps) {
  const { openOptionsPage, requestHostAccess } = usePageActions();
  const words = describeError(props.error);
  const { origin } = props.error;
  const handlers = {
    retry: props.onRetry,
    reauthorize: props.onReauthorize,
    settings: props.onOpenSettings ?? (() => void openOptionsPage()),
    // The request runs inside the click (Chrome asks only during a gesture); granted, the step is retried.
    allow_access: origin
      ? () => void requestHostAccess(origin).then((granted) => granted && props.onRetry?.())
      : () => void openOptionsPage(),
    none: undefined,
  };
  const onAction = handlers[words.action];

  const fineprint = [
    props.error.platformCode && t('error_platform_code', props.error.platformCode),
    props.error.requestId && t('error_request_id', props.error.requestId),
  ].filter(Boolean);

  return (
    <div class="notice notice--error" role="alert">
      <p class="notice__title">{words.title}</p>
      <p class="notice__detail">{words.detail}</p>
      {fineprint.length > 0 && <p class="notice__fineprint">{fineprint.join(' · ')}</p>}
      {(onAction || props.onDismiss) && (
        <div class="notice__actions">
          {onAction && words.actionLabel && (
            <button
              type="button"
              class="button button--primary"
              aria-label={
                props.subject ? t('action_for', words.actionLabel, props.subject) : words.actionLabel
              }
              onClick={onAction}
            >
              {words.actionLabel}
            </button>
          )}
          {props.onDismiss && (
            <button
              type="button"
              class="button button--quiet"
              aria-label={props.subject ? t('action_for', t('dismiss'), props.subject) : t('dismiss')}
              onClick={props.onDismiss}
            >
              {t('dismiss')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
