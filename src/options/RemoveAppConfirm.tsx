/** The inline "are you sure" for removing an app, counting the shops that go with it. */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ErrorData, toErrorData } from '../shared/errors';
import { t, tPlural } from '../shared/i18n';
import type { AppView } from '../shared/model';
import { useClient } from '../ui/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { focusBackupExport } from './BackupSection';

export interface RemoveAppConfirmProps {
  app: AppView;
  onRemoved: (removedGrants: number) => void;
  onCancel: () => void;
}

export function RemoveAppConfirm(props: RemoveAppConfirmProps): JSX.Element {
  const client = useClient();
  const [shopCount, setShopCount] = useState<number>();
  const [error, setError] = useState<ErrorData>();
  const [removing, setRemoving] = useState(false);
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);

  // Counted when asked, not from an old list: a shop may have been connected since the page opened.
  // The worker counts (one row at most comes back), however many shops the agency has.
  useEffect(() => {
    const filter = { text: '', platform: 'all', health: 'all', country: 'all', appId: props.app.id } as const;
    client.send('grants.query', { ...filter, offset: 0, limit: 1 }).then(
      (result) => setShopCount(result.total),
      (cause) => setError(toErrorData(cause)),
    );
  }, [client, props.app.id]);

  const remove = async () => {
    setRemoving(true);
    setError(undefined);
    try {
      const { removedGrants } = await client.send('apps.remove', { appId: props.app.id });
      props.onRemoved(removedGrants);
    } catch (cause) {
      setError(toErrorData(cause));
      setRemoving(false);
    }
  };

  const questionId = `remove-${props.app.id}-question`;
  return (
    <fieldset
      class="confirm"
      aria-labelledby={questionId}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && !removing) props.onCancel();
      }}
    >
      <p id={questionId}>
        {shopCount === undefined
          ? t('remove_app_counting', props.app.name)
          : shopCount === 0
            ? t('remove_app_no_shops', props.app.name)
            : tPlural('remove_app_with_shops', shopCount, props.app.name)}
      </p>
      {shopCount !== undefined && shopCount > 0 && <p class="muted">{t('remove_app_backup_hint')}</p>}
      {error && <ErrorNotice error={error} />}
      <div class="form-actions">
        {shopCount !== undefined && shopCount > 0 && (
          <button type="button" class="button button--primary" onClick={focusBackupExport}>
            {t('remove_app_export_first')}
          </button>
        )}
        <button
          type="button"
          class="button button--danger"
          disabled={shopCount === undefined || removing}
          onClick={() => void remove()}
        >
          {shopCount ? tPlural('remove_app_and_shops', shopCount) : t('remove_app')}
        </button>
        <button ref={keep} type="button" class="button" onClick={props.onCancel}>
          {t('remove_app_keep')}
        </button>
      </div>
    </fieldset>
  );
}
