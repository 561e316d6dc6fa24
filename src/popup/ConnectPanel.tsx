/** Pick the app (and, for Lazada, the countries) and start the seller's login. */
import { useState } from 'preact/hooks';
import { t } from '../shared/i18n';
import type { AppView } from '../shared/model';
import type { Country } from '../shared/platform';
import { PLATFORM_NAMES } from '../ui/labels';
import { useFocusReturn } from '../ui/use-focus-return';
import { ConnectProgress } from './ConnectProgress';
import { CountryPicker } from './CountryPicker';
import { CONNECT_BUTTON_ID } from './focus-after-removal';
import type { Connect } from './use-connect';

export interface ConnectPanelProps {
  apps: readonly AppView[];
  connect: Connect;
  accountFor(grantId: string): string | undefined;
}

export function ConnectPanel({ apps, connect, accountFor }: ConnectPanelProps) {
  const [chosenAppId, setChosenAppId] = useState<string>();
  const [countries, setCountries] = useState<Country[]>([]);
  useFocusReturn(connect.running);
  // The chosen app may vanish (removed in the options page): fall back to the first.
  const app = apps.find((candidate) => candidate.id === chosenAppId) ?? apps[0];
  if (!app) return null;

  const onConnect = () => {
    const picked = app.platform === 'lazada' && countries.length > 0 ? { countries } : {};
    connect.start({ appId: app.id, ...picked });
  };

  return (
    <section class="panel" aria-label={t('connect_panel')}>
      {apps.length > 1 && (
        <label class="field">
          <span>{t('connect_app')}</span>
          <select
            value={app.id}
            disabled={connect.running}
            onChange={(event) => setChosenAppId(event.currentTarget.value)}
          >
            {apps.map((candidate) => (
              <option key={candidate.id} value={candidate.id}>
                {t('connect_app_option', candidate.name, PLATFORM_NAMES[candidate.platform])}
              </option>
            ))}
          </select>
        </label>
      )}
      {apps.length === 1 && (
        <p class="fineprint">{t('connect_app_line', app.name, PLATFORM_NAMES[app.platform])}</p>
      )}
      {app.platform === 'lazada' && (
        <CountryPicker selected={countries} onChange={setCountries} disabled={connect.running} />
      )}
      <div>
        <button
          id={CONNECT_BUTTON_ID}
          type="button"
          class="button button--primary"
          disabled={connect.running}
          onClick={onConnect}
        >
          {t('connect_shop')}
        </button>
      </div>
      <ConnectProgress connect={connect} accountFor={accountFor} />
    </section>
  );
}
