/** Backup, move and restore: the reminder, Export and Import. */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { BackupStatus } from '../shared/backup';
import { type ErrorData, toErrorData } from '../shared/errors';
import { t } from '../shared/i18n';
import { useClient } from '../ui/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useWorkerEvent } from '../ui/worker-events';
import { BACKUP_PASSPHRASE_ID, BackupExport } from './BackupExport';
import { BackupImport } from './BackupImport';
import { lastBackupWords, notInBackupWords } from './backup-words';

export interface BackupSectionProps {
  /** A change worth telling the person about ("Backup saved"). */
  onChanged: (message: string) => void;
  /** An import wrote apps, shops or settings: the rest of the page reads them again. */
  onImported: (message: string) => void;
}

/** "Export a backup first" (before removing an app): brings the person to the export form. */
export function focusBackupExport(): void {
  const field = document.getElementById(BACKUP_PASSPHRASE_ID);
  field?.scrollIntoView?.({ block: 'center' });
  field?.focus();
}

export function BackupSection(props: BackupSectionProps): JSX.Element {
  const client = useClient();
  const [status, setStatus] = useState<BackupStatus>();
  const [error, setError] = useState<ErrorData>();

  const load = useCallback(() => {
    client.send('backup.status', undefined).then(
      (next) => {
        setStatus(next);
        setError(undefined);
      },
      (cause) => setError(toErrorData(cause)),
    );
  }, [client]);
  useEffect(load, [load]);
  // A shop connected or authorized again in the popup changes the reminder.
  useWorkerEvent('grants.changed', load);

  const reminder = status && notInBackupWords(status);
  return (
    <section aria-labelledby="backup-heading">
      <h2 id="backup-heading">{t('backup_heading')}</h2>
      <p class="muted">{t('backup_intro')}</p>
      {error && <ErrorNotice error={error} onRetry={load} />}
      {status && (
        <p>
          {reminder && <span class="backup-status">{reminder} </span>}
          {lastBackupWords(status)}
        </p>
      )}
      <BackupExport
        shops={status?.shops ?? 0}
        onExported={(message) => {
          load();
          props.onChanged(message);
        }}
      />
      <BackupImport
        onImported={(message) => {
          load();
          props.onImported(message);
        }}
      />
    </section>
  );
}
