/** App profiles: the list, "Add app", and the form in a card while adding or editing. */
import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { type ErrorData, toErrorData } from '../shared/errors';
import { t, tPlural } from '../shared/i18n';
import type { AppView } from '../shared/model';
import { useClient } from '../ui/client';
import { ErrorNotice } from '../ui/ErrorNotice';
import { AppForm } from './AppForm';
import { AppRow } from './AppRow';
import type { HostPermissionGate } from './host-permissions';

export interface AppsSectionProps {
  hostPermissions: HostPermissionGate;
  /** A change worth telling the person about ("App saved"). */
  onChanged: (message: string) => void;
}

/** `undefined`: no form; `{}`: adding; `{ app }`: editing that app. */
type Editing = { app?: AppView } | undefined;

export function AppsSection(props: AppsSectionProps): JSX.Element {
  const client = useClient();
  const [apps, setApps] = useState<AppView[]>();
  const [identityCallbackUrl, setIdentityCallbackUrl] = useState<string>();
  const [error, setError] = useState<ErrorData>();
  const [editing, setEditing] = useState<Editing>();
  const [removingId, setRemovingId] = useState<string>();

  const load = useCallback(async () => {
    setError(undefined);
    try {
      const [list, info] = await Promise.all([
        client.send('apps.list', undefined),
        client.send('extension.info', undefined),
      ]);
      setApps(list);
      setIdentityCallbackUrl(info.identityCallbackUrl);
    } catch (cause) {
      setError(toErrorData(cause));
    }
  }, [client]);

  useEffect(() => {
    void load();
  }, [load]);

  const saved = (app: AppView) => {
    setApps((old = []) =>
      old.some((known) => known.id === app.id)
        ? old.map((known) => (known.id === app.id ? app : known))
        : [...old, app],
    );
    setEditing(undefined);
    props.onChanged(t('apps_saved'));
  };

  const removed = (app: AppView, removedGrants: number) => {
    setApps((old = []) => old.filter((known) => known.id !== app.id));
    setRemovingId(undefined);
    if (editing?.app?.id === app.id) setEditing(undefined);
    props.onChanged(removedGrants ? tPlural('apps_removed_with', removedGrants) : t('apps_removed'));
  };

  return (
    <section aria-labelledby="apps-heading">
      <div class="section-header">
        <h2 id="apps-heading">{t('apps_heading')}</h2>
        {apps && identityCallbackUrl && !editing && (
          <button type="button" class="button button--primary" onClick={() => setEditing({})}>
            {t('apps_add')}
          </button>
        )}
      </div>
      {error && <ErrorNotice error={error} onRetry={() => void load()} />}
      {!apps && !error && <p class="muted">{t('apps_loading')}</p>}
      {apps?.length === 0 && !editing && <p class="muted">{t('apps_empty')}</p>}
      {apps && apps.length > 0 && (
        <table class="table">
          <caption class="visually-hidden">{t('apps_heading')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('app_form_name')}</th>
              <th scope="col">{t('app_form_platform')}</th>
              <th scope="col">{t('app_form_app_key')}</th>
              <th scope="col">{t('callback_url')}</th>
              <th scope="col">{t('apps_column_secret')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('apps_column_actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {apps.map((app) => (
              <AppRow
                key={app.id}
                app={app}
                confirmingRemove={removingId === app.id}
                onEdit={() => setEditing({ app })}
                onAskRemove={() => setRemovingId(app.id)}
                onCancelRemove={() => setRemovingId(undefined)}
                onRemoved={(count) => removed(app, count)}
              />
            ))}
          </tbody>
        </table>
      )}
      {editing && identityCallbackUrl && (
        <AppForm
          key={editing.app?.id ?? 'new'}
          app={editing.app}
          identityCallbackUrl={identityCallbackUrl}
          hostPermissions={props.hostPermissions}
          onSaved={saved}
          onCancel={() => setEditing(undefined)}
        />
      )}
    </section>
  );
}
