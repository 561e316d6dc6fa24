/** Which Lazada ventures the login offers. None ticked means all of them. */
import { t } from '../shared/i18n';
import { COUNTRIES, type Country } from '../shared/platform';
import { COUNTRY_NAMES } from '../ui/labels';

export interface CountryPickerProps {
  selected: readonly Country[];
  onChange(selected: Country[]): void;
  disabled?: boolean;
}

export function CountryPicker(props: CountryPickerProps) {
  const toggle = (country: Country, on: boolean) => {
    const next = new Set(props.selected);
    if (on) next.add(country);
    else next.delete(country);
    // Keep the platform's order, whatever order they were ticked in.
    props.onChange(COUNTRIES.filter((code) => next.has(code)));
  };
  return (
    <fieldset class="countries" disabled={props.disabled}>
      <legend>
        {t('countries_legend')} <span class="muted">{t('countries_hint')}</span>
      </legend>
      {COUNTRIES.map((country) => (
        <label key={country}>
          <input
            type="checkbox"
            checked={props.selected.includes(country)}
            onChange={(event) => toggle(country, event.currentTarget.checked)}
          />{' '}
          {COUNTRY_NAMES[country]}
        </label>
      ))}
    </fieldset>
  );
}
