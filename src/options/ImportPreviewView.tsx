/** What an import adds, updates and keeps, in lists a person can check before "Apply". */
import type { JSX } from 'preact';
import type { ImportPreview, ShopSummary } from '../shared/backup';
import { countryName, PLATFORM_NAMES } from '../ui/labels';
import {
  changeReasonWords,
  fileSummaryWords,
  importChangesSomething,
  keepReasonWords,
  settingsWords,
  shopsWords,
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
    <section class="preview" aria-label="What the import does">
      <p>{fileSummaryWords(preview)}</p>
      {!importChangesSomething(preview) && (
        <p>Nothing to import: this browser already has everything in it.</p>
      )}
      {(apps.added.length > 0 || apps.updated.length > 0) && (
        <ShopList
          label="Apps"
          items={[
            ...apps.added.map((app) => ({
              key: `add-${app.id}`,
              text: `${app.name} (${PLATFORM_NAMES[app.platform]}, app key ${app.appKey}): added`,
            })),
            ...apps.updated.map((app) => ({
              key: `update-${app.id}`,
              text: `${app.name} (${PLATFORM_NAMES[app.platform]}, app key ${app.appKey}): updated`,
            })),
          ]}
        />
      )}
      <ShopList
        label={`Shops added (${shops.added.length})`}
        items={shops.added.map((shop) => ({ key: shop.id, text: shopName(shop) }))}
      />
      <ShopList
        label={`Shops updated (${shops.updated.length})`}
        items={shops.updated.map((shop) => ({
          key: shop.id,
          text: `${shopName(shop)}: ${changeReasonWords(shop.reason)}`,
        }))}
      />
      <ShopList
        label={`Shops kept as they are here (${shops.kept.length})`}
        items={shops.kept.map((shop) => ({
          key: `${shop.id}-${shop.reason}`,
          text: `${shopName(shop)}: ${keepReasonWords(shop.reason)}`,
        }))}
      />
      {preview.takingOver > 0 && (
        <p>
          The file was made with Move: this browser takes over refreshing {shopsWords(preview.takingOver)}.
          The browser it came from no longer refreshes them.
        </p>
      )}
      {preview.appsWithoutSecret.map((app) => (
        <p key={app.id} class="notice">
          The file has no secret for {app.name}: enter it in Apps after importing, or its shops cannot
          refresh.
        </p>
      ))}
      {settings && <p>{settings}</p>}
    </section>
  );
}
