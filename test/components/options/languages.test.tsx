/**
 * The options page with another catalog installed: its apps, settings and backup words come from
 * the catalog (none left in English), and plurals follow the language's own rules.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../src/_locales/en/messages.json';
import filipino from '../../../src/_locales/fil/messages.json';
import vietnamese from '../../../src/_locales/vi/messages.json';
import type { ImportPreview } from '../../../src/shared/backup';
import { installMessages } from '../../../src/shared/i18n';
import { type Catalog, catalogSource } from '../../../src/shared/i18n-catalog';
import { aGrantView, anAppView, PAGE_NOW } from '../../support/builders';
import { renderOptions } from './options-fixtures';

const use = (catalog: Catalog & { intl_locale: { message: string } }) =>
  installMessages(catalogSource(catalog, catalog.intl_locale.message));

afterEach(() => use(en));

/** The areas of the catalog the converted sections read (the header and activity log are not theirs). */
const OPTION_AREAS = /^(apps|app_form|app_input|callback|endpoints|settings|backup|import|remove_app|url)_/;

/** English a person could read, per converted key: the message, or its long fixed parts around placeholders. */
function englishPieces(translated: Catalog): { key: string; text: string }[] {
  return Object.entries(en as Catalog)
    .filter(([key, entry]) => OPTION_AREAS.test(key) && translated[key]?.message !== entry.message)
    .flatMap(([key, entry]) =>
      entry.message.includes('$')
        ? entry.message
            .split(/\$[a-z_]+\$/)
            .map((part) => part.trim())
            .filter((part) => part.length >= 12)
            .map((text) => ({ key, text }))
        : [{ key, text: entry.message }],
    );
}

/** What a person or a screen reader meets in the apps, settings and backup sections, node by node. */
function sectionWords(): string {
  const words: string[] = [];
  for (const id of ['apps-heading', 'settings-heading', 'backup-heading']) {
    const section = document.querySelector(`section[aria-labelledby="${id}"]`);
    if (!section) continue;
    const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) words.push(node.textContent ?? '');
    for (const labelled of section.querySelectorAll('[aria-label]')) {
      words.push(labelled.getAttribute('aria-label') ?? '');
    }
  }
  return words.join('\n');
}

function englishLeft(translated: Catalog): string[] {
  const words = sectionWords();
  return englishPieces(translated)
    .filter(({ text }) => new RegExp(`(^|[^\\p{L}])${escapeRegExp(text)}($|[^\\p{L}])`, 'u').test(words))
    .map(({ key, text }) => `${key}: ${text}`);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function preview(): ImportPreview {
  const shop = {
    appName: 'Order Sync',
    platform: 'lazada' as const,
    country: 'sg',
    status: 'connected' as const,
    refreshExpiresAt: PAGE_NOW + 20 * 86_400_000,
  };
  return {
    exportedAt: PAGE_NOW - 86_400_000,
    includesSecrets: false,
    apps: {
      added: [{ id: 'app-9', name: 'Shop tools', platform: 'lazada', appKey: '100777' }],
      updated: [],
      kept: 0,
    },
    secrets: { added: 0, replaced: 0 },
    appsWithoutSecret: [{ id: 'app-9', name: 'Shop tools', platform: 'lazada', appKey: '100777' }],
    shops: {
      added: [{ ...shop, id: 's1', account: 'new@shop.sg', takesOver: true }],
      updated: [{ ...shop, id: 's2', account: 'newer@shop.sg', reason: 'newer_tokens', takesOver: false }],
      kept: [{ ...shop, id: 's3', account: 'mine@shop.sg', reason: 'local_newer' }],
    },
    takingOver: 1,
    settings: ['notifications', 'reminderDays'],
    tools: { added: 0, kept: 0 },
  };
}

describe('the options page in Vietnamese', () => {
  it('shows the apps, settings and backup in Vietnamese, with no English left', async () => {
    use(vietnamese);
    const grants = [aGrantView(), aGrantView({ id: 'app-1|u:2|my' })];
    renderOptions({
      handlers: {
        'apps.list': () => [anAppView()],
        'grants.list': () => grants,
        'backup.status': () => ({ shops: 2, notBackedUp: 2, lastExportAt: PAGE_NOW - 86_400_000 }),
        'backup.inspect': () => ({ formatVersion: 1, iterations: 600_000 }),
        'backup.preview': () => preview(),
      },
    });

    const apps = within(await screen.findByRole('region', { name: 'Ứng dụng' }));
    await apps.findByRole('columnheader', { name: 'Nền tảng' });
    expect(apps.getByRole('button', { name: 'Sửa Order Sync' })).toBeTruthy();
    const settings = within(screen.getByRole('region', { name: 'Cài đặt' }));
    expect(await settings.findByLabelText('Hiện thông báo trên màn hình')).toBeTruthy();
    expect(settings.getByLabelText('Làm mới trước khi hết hạn (phút)')).toBeTruthy();
    const backup = within(screen.getByRole('region', { name: 'Sao lưu' }));
    expect(await backup.findByText(/2 cửa hàng chưa có trong bản sao lưu nào\./)).toBeTruthy();
    expect(backup.getByRole('form', { name: 'Xuất' })).toBeTruthy();

    // The app form, with the app check's own words for what is missing.
    fireEvent.click(apps.getByRole('button', { name: vietnamese.apps_add.message }));
    const form = within(await screen.findByRole('form', { name: vietnamese.apps_add.message }));
    fireEvent.click(form.getByRole('button', { name: vietnamese.app_form_save.message }));
    await form.findByText(vietnamese.app_input_name_missing.message);
    expect(form.getByText(vietnamese.app_input_secret_missing.message)).toBeTruthy();
    expect(form.getByText(vietnamese.endpoints_advanced.message)).toBeTruthy();
    expect(englishLeft(vietnamese)).toEqual([]);
    fireEvent.click(form.getByRole('button', { name: vietnamese.cancel.message }));

    // Removing the app counts its shops in one sentence, in Vietnamese word order.
    fireEvent.click(apps.getByRole('button', { name: 'Xóa Order Sync' }));
    await apps.findByText(/^Xóa Order Sync\? 2 cửa hàng của nó sẽ bị xóa theo/);
    expect(apps.getByRole('button', { name: 'Xóa ứng dụng và 2 cửa hàng' })).toBeTruthy();

    // What an import would do.
    const importing = within(backup.getByRole('form', { name: 'Nhập' }));
    const file = new File(['{}'], 'seller-auth-backup.json', { type: 'application/json' });
    fireEvent.change(importing.getByLabelText('Tệp sao lưu'), { target: { files: [file] } });
    fireEvent.input(await importing.findByLabelText('Cụm mật khẩu của seller-auth-backup.json'), {
      target: { value: 'correct horse battery' },
    });
    fireEvent.click(importing.getByRole('button', { name: vietnamese.backup_show_preview.message }));
    const shown = within(
      await importing.findByRole('region', { name: vietnamese.import_preview_label.message }),
    );
    expect(shown.getByText('Shop tools (Lazada, app key 100777): đã thêm')).toBeTruthy();
    expect(shown.getByRole('list', { name: 'Cửa hàng được thêm (1)' })).toBeTruthy();
    expect(shown.getByText(/^newer@shop\.sg · .+ · Order Sync: tệp có ủy quyền mới hơn$/)).toBeTruthy();
    expect(
      shown.getByText(
        'Cài đặt lấy từ tệp (trình duyệt này vẫn đang dùng giá trị mặc định): thông báo trên màn hình và ngày nhắc.',
      ),
    ).toBeTruthy();
    await waitFor(() => expect(englishLeft(vietnamese)).toEqual([]));
  });
});

describe('the options page in Filipino', () => {
  it.each([
    [1, 'Wala pa sa anumang backup ang 1 tindahan.'],
    // Filipino's "one" is not n === 1: 3 takes it, 4 takes "other" (with the linker "na").
    [3, 'Wala pa sa anumang backup ang 3 tindahan.'],
    [4, 'Wala pa sa anumang backup ang 4 na tindahan.'],
  ])('counts %i shops outside a backup with the plural form Intl gives', async (count, words) => {
    use(filipino);
    renderOptions({ handlers: { 'backup.status': () => ({ shops: count, notBackedUp: count }) } });
    const backup = within(await screen.findByRole('region', { name: 'Backup' }));
    expect(await backup.findByText(new RegExp(escapeRegExp(words)))).toBeTruthy();
    expect(backup.getByRole('button', { name: filipino.backup_export_copy.message })).toBeTruthy();
    expect(englishLeft(filipino)).toEqual([]);
  });
});
