/**
 * The buttons of one shop. The access token goes straight from the worker's reply to the clipboard:
 * it is never kept in state or rendered. "Authorize again" stays in the row, so an error notice here
 * offers only "Try again".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ErrorData, toErrorData } from '../shared/errors';
import { t } from '../shared/i18n';
import type { GrantView } from '../shared/model';
import { useClient } from '../ui/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { usePageActions } from '../ui/open-page';
import { useFocusReturn } from '../ui/use-focus-return';
import { focusAfterRemoval } from './focus-after-removal';
import { shopLabel } from './shop-words';

const COPIED_MS = 2000;

export interface ShopActionsProps {
  view: GrantView;
  /** A login is running somewhere: only one at a time. */
  connectBusy: boolean;
  onReauthorize(view: GrantView): void;
  onChanged(view: GrantView): void;
  onRemoved(grantId: string): void;
}

type Busy = 'copying' | 'refreshing' | 'removing' | null;

export function ShopActions({ view, connectBusy, onReauthorize, onChanged, onRemoved }: ShopActionsProps) {
  const client = useClient();
  const { copyText, requestHostAccess } = usePageActions();
  const [busy, setBusy] = useState<Busy>(null);
  const [copied, setCopied] = useState(false);
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const [failure, setFailure] = useState<{ error: ErrorData; retry: () => void } | null>(null);
  const copiedTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(copiedTimer.current), []);
  useFocusReturn(busy !== null);
  // The confirmation takes the focus when it opens and gives it back to "Remove" when cancelled.
  const removeButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const focusRemove = useRef(false);
  useEffect(() => {
    if (confirmingRemove) cancelButton.current?.focus();
    else if (focusRemove.current) removeButton.current?.focus();
    focusRemove.current = false;
  }, [confirmingRemove]);
  const cancelRemove = () => {
    focusRemove.current = true;
    setConfirmingRemove(false);
  };

  const label = shopLabel(view);
  const dead = view.status === 'needs_authorization';
  // A moved shop's tokens belong to the other browser now: using or refreshing them here would spend them.
  const usable = !dead && view.health !== 'moved';

  const run = async (kind: Exclude<Busy, null>, task: () => Promise<void>, retry: () => void) => {
    setBusy(kind);
    setFailure(null);
    try {
      await task();
    } catch (error) {
      setFailure({ error: toErrorData(error), retry });
    } finally {
      setBusy(null);
    }
  };

  const copy = () =>
    run(
      'copying',
      async () => {
        const { accessToken } = await client.send('grants.accessToken', { grantId: view.id });
        await copyText(accessToken);
        setCopied(true);
        clearTimeout(copiedTimer.current);
        copiedTimer.current = setTimeout(() => setCopied(false), COPIED_MS);
      },
      () => void copy(),
    );

  const refresh = () =>
    run(
      'refreshing',
      async () => onChanged(await client.send('grants.refresh', { grantId: view.id })),
      () => void refresh(),
    );

  // The last refresh found no host access (site access restricted, a revoked permission): Chrome asks
  // only while the click's gesture lasts, so the request comes first; granted, the refresh runs.
  const missingOrigin = view.lastError?.code === 'permission_denied' ? view.lastError.origin : undefined;
  const allowAccess = (origin: string) =>
    void requestHostAccess(origin).then((granted) => {
      if (granted) void refresh();
    });

  const remove = () =>
    run(
      'removing',
      async () => {
        const moveFocus = focusAfterRemoval(cancelButton.current);
        await client.send('grants.remove', { grantId: view.id });
        onRemoved(view.id);
        moveFocus();
      },
      () => void remove(),
    );

  if (confirmingRemove) {
    return (
      <fieldset
        class="shop__actions shop__confirm"
        aria-label={t('remove_confirm_label', label)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && busy !== 'removing') cancelRemove();
        }}
      >
        <span>{t('remove_confirm_question', view.seller.account)}</span>
        <button
          type="button"
          class="button button--danger"
          aria-label={t('remove_yes_for', label)}
          disabled={busy === 'removing'}
          onClick={() => void remove()}
        >
          {busy === 'removing' ? t('removing') : t('yes')}
        </button>
        <button
          ref={cancelButton}
          type="button"
          class="button"
          aria-label={t('remove_cancel_for', label)}
          onClick={cancelRemove}
        >
          {t('cancel')}
        </button>
        {failure && <ErrorNotice error={failure.error} subject={label} onRetry={failure.retry} />}
      </fieldset>
    );
  }

  return (
    <>
      <div class="shop__actions">
        {usable && missingOrigin && (
          <button
            type="button"
            class="button button--primary"
            aria-label={t('action_for', t('action_allow_access'), label)}
            disabled={busy !== null}
            onClick={() => allowAccess(missingOrigin)}
          >
            {t('action_allow_access')}
          </button>
        )}
        {usable && (
          <button
            type="button"
            class="button"
            aria-label={t('action_for', t('copy_token'), label)}
            disabled={busy !== null}
            onClick={() => void copy()}
          >
            {copied ? t('copied') : t('copy_token')}
          </button>
        )}
        {usable && view.refreshable && (
          <button
            type="button"
            class="button"
            aria-label={t('action_for', t('refresh_now'), label)}
            aria-busy={busy === 'refreshing'}
            disabled={busy !== null}
            onClick={() => void refresh()}
          >
            {busy === 'refreshing' ? (
              <>
                <span class="spinner" aria-hidden="true" /> {t('refreshing')}
              </>
            ) : (
              t('refresh_now')
            )}
          </button>
        )}
        <button
          type="button"
          class={dead ? 'button button--primary' : 'button'}
          aria-label={t('action_for', t('action_reauthorize'), label)}
          disabled={connectBusy || busy !== null}
          onClick={() => onReauthorize(view)}
        >
          {t('action_reauthorize')}
        </button>
        <button
          ref={removeButton}
          type="button"
          class="button button--quiet button--danger shop__remove"
          aria-label={t('remove_for', label)}
          disabled={busy !== null}
          onClick={() => setConfirmingRemove(true)}
        >
          {t('remove')}
        </button>
      </div>
      <span class="visually-hidden" role="status">
        {copied ? t('copied_status', view.seller.account) : ''}
      </span>
      {failure && (
        <ErrorNotice
          error={failure.error}
          subject={label}
          onRetry={failure.retry}
          onDismiss={() => setFailure(null)}
        />
      )}
    </>
  );
}
