/**
 * "Import": choose the file (checked at once), type its passphrase, see what the import would do, then
 * apply. The worker plans again when applying, against what is stored by then.
 */
import type { JSX, TargetedEvent } from 'preact';
import { useRef, useState } from 'preact/hooks';
import type { ImportPreview } from '../shared/backup';
import { type ErrorData, toErrorData } from '../shared/errors';
import { t } from '../shared/i18n';
import { useClient } from '../ui/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useFocusOnToggle } from '../ui/use-focus-on-toggle';
import { appliedWords, importChangesSomething } from './backup-words';
import { ImportPreviewView } from './ImportPreviewView';
import { TextField } from './TextField';

export interface BackupImportProps {
  onImported: (message: string) => void;
}

interface ChosenFile {
  name: string;
  text: string;
}

export function BackupImport(props: BackupImportProps): JSX.Element {
  const client = useClient();
  const [file, setFile] = useState<ChosenFile>();
  const [passphrase, setPassphrase] = useState('');
  const [preview, setPreview] = useState<ImportPreview>();
  const [error, setError] = useState<ErrorData>();
  const [busy, setBusy] = useState<'reading' | 'opening' | 'applying'>();
  // A new <input> after each import or cancel, so choosing the same file again is a change.
  const [inputVersion, setInputVersion] = useState(0);
  // The preview replaces "Show what it imports": the focus goes to its first action, and back to the
  // file field once it closes (applied or cancelled).
  const fileInput = useRef<HTMLInputElement>(null);
  const firstAction = useRef<HTMLButtonElement>(null);
  useFocusOnToggle(preview !== undefined, firstAction, fileInput, busy === undefined);

  const reset = () => {
    setFile(undefined);
    setPassphrase('');
    setPreview(undefined);
    setInputVersion((version) => version + 1);
  };

  const run = async (kind: typeof busy, task: () => Promise<void>) => {
    setBusy(kind);
    setError(undefined);
    try {
      await task();
    } catch (cause) {
      setError(toErrorData(cause));
    } finally {
      setBusy(undefined);
    }
  };

  const choose = (event: TargetedEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0];
    setFile(undefined);
    setPreview(undefined);
    if (!chosen) return;
    void run('reading', async () => {
      const text = await chosen.text();
      await client.send('backup.inspect', { text });
      setFile({ name: chosen.name, text });
    });
  };

  const open = (event: Event) => {
    event.preventDefault();
    if (!file) return;
    void run('opening', async () => {
      setPreview(await client.send('backup.preview', { text: file.text, passphrase }));
    });
  };

  const apply = () => {
    if (!file) return;
    void run('applying', async () => {
      const applied = await client.send('backup.apply', { text: file.text, passphrase });
      reset();
      props.onImported(appliedWords(applied));
    });
  };

  return (
    <form class="card" aria-labelledby="backup-import-heading" noValidate onSubmit={open}>
      <h3 id="backup-import-heading">{t('backup_import_heading')}</h3>
      <p class="muted">{t('backup_import_intro')}</p>
      <div class="field">
        <label for="backup-file">{t('backup_file')}</label>
        <input
          ref={fileInput}
          key={inputVersion}
          id="backup-file"
          type="file"
          accept=".json,application/json"
          disabled={busy !== undefined}
          onChange={choose}
        />
      </div>
      {busy === 'reading' && <p class="muted">{t('backup_checking_file')}</p>}
      {file && (
        <>
          <TextField
            id="backup-import-passphrase"
            label={t('backup_passphrase_of', file.name)}
            type="password"
            autoComplete="current-password"
            value={passphrase}
            onInput={(value) => {
              setPassphrase(value);
              setPreview(undefined);
            }}
          />
          {!preview && (
            <div class="form-actions">
              <button type="submit" class="button button--primary" disabled={busy !== undefined}>
                {busy === 'opening' ? t('backup_opening') : t('backup_show_preview')}
              </button>
              <button type="button" class="button" onClick={reset}>
                {t('cancel')}
              </button>
            </div>
          )}
        </>
      )}
      {error && <ErrorNotice error={error} onDismiss={() => setError(undefined)} />}
      {file && preview && (
        <>
          <ImportPreviewView preview={preview} />
          <div class="form-actions">
            {importChangesSomething(preview) && (
              <button
                ref={firstAction}
                type="button"
                class="button button--primary"
                disabled={busy !== undefined}
                onClick={apply}
              >
                {busy === 'applying' ? t('backup_importing') : t('backup_apply')}
              </button>
            )}
            <button
              ref={importChangesSomething(preview) ? undefined : firstAction}
              type="button"
              class="button"
              disabled={busy !== undefined}
              onClick={reset}
            >
              {importChangesSomething(preview) ? t('cancel') : t('close')}
            </button>
          </div>
        </>
      )}
    </form>
  );
}
