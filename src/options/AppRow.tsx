/** One app in the list, with Edit and Remove; Remove opens its confirmation right below. */
import type { JSX } from 'preact';
import { t } from '../shared/i18n';
import type { AppView } from '../shared/model';
import { PLATFORM_NAMES } from '../ui/labels';
import { useFocusReturn } from '../ui/use-focus-return';
import { RemoveAppConfirm } from './RemoveAppConfirm';

const APP_COLUMNS = 6;

export interface AppRowProps {
  app: AppView;
  confirmingRemove: boolean;
  onEdit: () => void;
  onAskRemove: () => void;
  onCancelRemove: () => void;
  onRemoved: (removedGrants: number) => void;
}

export function AppRow(props: AppRowProps): JSX.Element {
  const { app } = props;
  // Closing the confirmation ("Keep it", Escape) gives the focus back to this row's "Remove".
  useFocusReturn(props.confirmingRemove);
  return (
    <>
      <tr>
        <th scope="row">{app.name}</th>
        <td>{PLATFORM_NAMES[app.platform]}</td>
        <td>
          <code>{app.appKey}</code>
        </td>
        <td class="url-cell">
          {app.callbackUrl}
          {app.callbackKind === 'identity' && <span class="muted"> {t('apps_callback_this_extension')}</span>}
        </td>
        <td>
          {app.hasSecret ? (
            <span class="tick">✓ {t('apps_secret_saved')}</span>
          ) : (
            <span class="warn">{t('apps_secret_not_saved')}</span>
          )}
        </td>
        <td>
          <div class="row-actions">
            <button
              type="button"
              class="button"
              aria-label={t('apps_edit_for', app.name)}
              onClick={props.onEdit}
            >
              {t('apps_edit')}
            </button>
            <button
              type="button"
              class="button button--danger"
              aria-label={t('apps_remove_for', app.name)}
              aria-expanded={props.confirmingRemove}
              onClick={props.onAskRemove}
            >
              {t('remove')}
            </button>
          </div>
        </td>
      </tr>
      {props.confirmingRemove && (
        <tr class="confirm-row">
          <td colSpan={APP_COLUMNS}>
            <RemoveAppConfirm app={app} onRemoved={props.onRemoved} onCancel={props.onCancelRemove} />
          </td>
        </tr>
      )}
    </>
  );
}
