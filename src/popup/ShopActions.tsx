/**
 * The buttons of one shop. The access token goes straight from the worker's reply to the clipboard:
 * it is never kept in state or rendered. "Authorize again" stays in the row, so an error notice here
 * offers only "Try again".
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ErrorData, toErrorData } from '../shared/errors';
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
  const { copyText } = usePageActions();
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
        aria-label={`Confirm removing ${label}`}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && busy !== 'removing') cancelRemove();
        }}
      >
        <span>Remove {view.seller.account}?</span>
        <button
          type="button"
          class="button button--danger"
          aria-label={`Yes, remove ${label}`}
          disabled={busy === 'removing'}
          onClick={() => void remove()}
        >
          {busy === 'removing' ? 'Removing...' : 'Yes'}
        </button>
        <button
          ref={cancelButton}
          type="button"
          class="button"
          aria-label={`Cancel removing ${label}`}
          onClick={cancelRemove}
        >
          Cancel
        </button>
        {failure && <ErrorNotice error={failure.error} subject={label} onRetry={failure.retry} />}
      </fieldset>
    );
  }

  return (
    <>
      <div class="shop__actions">
        {usable && (
          <button
            type="button"
            class="button"
            aria-label={`Copy access token for ${label}`}
            disabled={busy !== null}
            onClick={() => void copy()}
          >
            {copied ? 'Copied' : 'Copy access token'}
          </button>
        )}
        {usable && view.refreshable && (
          <button
            type="button"
            class="button"
            aria-label={`Refresh now for ${label}`}
            aria-busy={busy === 'refreshing'}
            disabled={busy !== null}
            onClick={() => void refresh()}
          >
            {busy === 'refreshing' ? (
              <>
                <span class="spinner" aria-hidden="true" /> Refreshing...
              </>
            ) : (
              'Refresh now'
            )}
          </button>
        )}
        <button
          type="button"
          class={dead ? 'button button--primary' : 'button'}
          aria-label={`Authorize again for ${label}`}
          disabled={connectBusy || busy !== null}
          onClick={() => onReauthorize(view)}
        >
          Authorize again
        </button>
        <button
          ref={removeButton}
          type="button"
          class="button button--quiet button--danger shop__remove"
          aria-label={`Remove ${label}`}
          disabled={busy !== null}
          onClick={() => setConfirmingRemove(true)}
        >
          Remove
        </button>
      </div>
      <span class="visually-hidden" role="status">
        {copied ? `Access token for ${view.seller.account} copied` : ''}
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
