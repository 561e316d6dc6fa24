/** What an import adds, updates and keeps, in lists a person can check before "Apply". */
import type { JSX } from 'preact';
import type { ImportPreview, ShopSummary } from '../shared/backup';
import { t, tPlural } from '../shared/i18n';
import { countryName, PLATFORM_NAMES } from '../ui/labels';
import {
  changeReasonWords,
  fileSummaryWords,
  importChangesSomething,
  keepReasonWords,
  settingsWords,
} from './backup-words';

function shopName(shop: ShopSummary): string {
  return [shop.account, shop.country && countryName(shop.country), shop.appName].filter(Boolean).join(' · ');
}

function ShopList(props: { label: string; items: { key: string; text: string }[] }): JSX.Element | null {
  if (props.items.length === 0) return null;
  return (
    <>
      <h4>{props.label}</h4>
      <ul class="preview-list" aria-label={props.label}>
        {props.items.map((item) => (
          <li key={item.key}>{item.text}</li>
        ))}
      </ul>
    </>
  );
}

export function ImportPreviewView(props: { preview: ImportPreview }): JSX.Element {
  const { preview } = props;
  const { apps, shops } = preview;
  const settings = settingsWords(preview.settings);
  return (
    <section class="preview" aria-label={t('import_preview_label')}>
      <p>{fileSummaryWords(preview)}</p>
      {!importChangesSomething(preview) && <p>{t('import_nothing')}</p>}
      {(apps.added.length > 0 || apps.updated.length > 0) && (
        <ShopList
          label={t('apps_heading')}
          items={[
            ...apps.added.map((app) => ({
              key: `add-${app.id}`,
              text: t('import_app_added', app.name, PLATFORM_NAMES[app.platform], app.appKey),
            })),
            ...apps.updated.map((app) => ({
              key: `update-${app.id}`,
              text: t('import_app_updated', app.name, PLATFORM_NAMES[app.platform], app.appKey),
            })),
          ]}
        />
      )}
      <ShopList
        label={t('import_shops_added', shops.added.length)}
        items={shops.added.map((shop) => ({ key: shop.id, text: shopName(shop) }))}
      />
      <ShopList
        label={t('import_shops_updated', shops.updated.length)}
        items={shops.updated.map((shop) => ({
          key: shop.id,
          text: t('import_shop_reason', shopName(shop), changeReasonWords(shop.reason)),
        }))}
      />
      <ShopList
        label={t('import_shops_kept', shops.kept.length)}
        items={shops.kept.map((shop) => ({
          key: `${shop.id}-${shop.reason}`,
          text: t('import_shop_reason', shopName(shop), keepReasonWords(shop.reason)),
        }))}
      />
      {preview.takingOver > 0 && <p>{tPlural('import_taking_over', preview.takingOver)}</p>}
      {preview.appsWithoutSecret.map((app) => (
        <p key={app.id} class="notice">
          {t('import_app_without_secret', app.name)}
        </p>
      ))}
      {settings && <p>{settings}</p>}
    </section>
  );
}
