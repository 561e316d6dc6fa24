/**
 * "Export": a passphrase typed twice, "include app secrets" (off by default), then Copy or Move. The
 * worker answers the encrypted file, which the page offers through an `<a download>` link and clicks
 * once; the link stays, to save it again.
 */
import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { type ErrorData, toErrorData } from '../shared/errors';
import { t, tPlural } from '../shared/i18n';
import { useClient } from '../ui/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useFocusOnToggle } from '../ui/use-focus-on-toggle';
import { MIN_PASSPHRASE_LENGTH, type PassphraseProblems, passphraseProblems } from './backup-words';
import { type OfferedFile, offerFile, withdrawFile } from './file-download';
import { TextField } from './TextField';

/** The first field of the export form: "Export a backup first" elsewhere on the page lands here. */
export const BACKUP_PASSPHRASE_ID = 'backup-passphrase';

export interface BackupExportProps {
  /** Shops this browser refreshes now (a move hands these over). */
  shops: number;
  onExported: (message: string) => void;
}

type Mode = 'copy' | 'move';

export function BackupExport(props: BackupExportProps): JSX.Element {
  const client = useClient();
  const [passphrase, setPassphrase] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [problems, setProblems] = useState<PassphraseProblems>({});
  const [error, setError] = useState<ErrorData>();
  const [busy, setBusy] = useState<Mode>();
  const [confirmingMove, setConfirmingMove] = useState(false);
  const [saved, setSaved] = useState<OfferedFile & { note: string }>();
  const link = useRef<HTMLAnchorElement>(null);
  const moveButton = useRef<HTMLButtonElement>(null);
  const cancelMove = useRef<HTMLButtonElement>(null);
  useFocusOnToggle(confirmingMove, cancelMove, moveButton);

  // Each new file is saved once by itself; the old URL goes when the link does.
  useEffect(() => {
    if (!saved) return;
    link.current?.click();
    return () => withdrawFile(saved);
  }, [saved]);

  const checked = (): boolean => {
    const found = passphraseProblems(passphrase, confirmation);
    setProblems(found);
    return Object.keys(found).length === 0;
  };

  const exportAs = async (mode: Mode) => {
    setConfirmingMove(false);
    if (!checked()) return;
    setBusy(mode);
    setError(undefined);
    try {
      const file = await client.send('backup.export', { passphrase, includeSecrets, move: mode === 'move' });
      const note =
        mode === 'move' ? tPlural('backup_moved_note', file.moved) : tPlural('backup_saved_note', file.shops);
      setSaved({ ...offerFile(file.fileName, file.text), note });
      setPassphrase('');
      setConfirmation('');
      props.onExported(mode === 'move' ? tPlural('backup_moved', file.moved) : t('backup_saved'));
    } catch (cause) {
      setError(toErrorData(cause));
    } finally {
      setBusy(undefined);
    }
  };

  const askMove = () => {
    if (checked()) setConfirmingMove(true);
  };

  return (
    <form
      class="card"
      aria-labelledby="backup-export-heading"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void exportAs('copy');
      }}
    >
      <h3 id="backup-export-heading">{t('backup_export_heading')}</h3>
      <p class="muted">{t('backup_export_intro')}</p>
      <TextField
        id={BACKUP_PASSPHRASE_ID}
        label={t('backup_passphrase')}
        type="password"
        autoComplete="new-password"
        hint={t('backup_passphrase_hint', MIN_PASSPHRASE_LENGTH)}
        value={passphrase}
        error={problems.passphrase}
        onInput={setPassphrase}
      />
      <TextField
        id="backup-passphrase-again"
        label={t('backup_passphrase_again')}
        type="password"
        autoComplete="new-password"
        value={confirmation}
        error={problems.confirmation}
        onInput={setConfirmation}
      />
      <div class="field field--checkbox">
        <input
          id="backup-include-secrets"
          type="checkbox"
          checked={includeSecrets}
          aria-describedby="backup-include-secrets-hint"
          onChange={(event) => setIncludeSecrets(event.currentTarget.checked)}
        />
        <label for="backup-include-secrets">{t('backup_include_secrets')}</label>
        <p id="backup-include-secrets-hint" class="field-hint">
          {t('backup_include_secrets_hint')}
        </p>
      </div>
      {error && <ErrorNotice error={error} onDismiss={() => setError(undefined)} />}
      {confirmingMove ? (
        <fieldset
          class="confirm"
          aria-labelledby="backup-move-question"
          onKeyDown={(event) => {
            if (event.key === 'Escape') setConfirmingMove(false);
          }}
        >
          <p id="backup-move-question">{tPlural('backup_move_question', props.shops)}</p>
          <div class="form-actions">
            <button
              type="button"
              class="button button--danger"
              disabled={busy !== undefined}
              onClick={() => void exportAs('move')}
            >
              {t('backup_move_confirm')}
            </button>
            <button ref={cancelMove} type="button" class="button" onClick={() => setConfirmingMove(false)}>
              {t('cancel')}
            </button>
          </div>
        </fieldset>
      ) : (
        <>
          <div class="form-actions">
            <button
              type="submit"
              class="button button--primary"
              aria-describedby="backup-copy-hint"
              disabled={busy !== undefined}
            >
              {busy === 'copy' ? t('backup_encrypting') : t('backup_export_copy')}
            </button>
            <button
              ref={moveButton}
              type="button"
              class="button"
              aria-describedby="backup-move-hint"
              disabled={busy !== undefined || props.shops === 0}
              onClick={askMove}
            >
              {busy === 'move' ? t('backup_encrypting') : t('backup_move_button')}
            </button>
          </div>
          <p id="backup-copy-hint" class="field-hint">
            {t('backup_copy_hint')}
          </p>
          <p id="backup-move-hint" class="field-hint">
            {t('backup_move_hint')}
          </p>
        </>
      )}
      {saved && (
        <p role="status">
          {saved.note}{' '}
          <a ref={link} href={saved.url} download={saved.fileName}>
            {t('backup_save_again', saved.fileName)}
          </a>
        </p>
      )}
    </form>
  );
}
