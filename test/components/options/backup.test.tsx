import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { BackupExport, ImportPreview } from '../../../src/shared/backup';
import { SellerAuthError } from '../../../src/shared/errors';
import { aGrantView, anAppView, PAGE_NOW } from '../../support/builders';
import { deferred } from '../ui/fake-client';
import { renderOptions } from './options-fixtures';

const PASSPHRASE = 'correct horse battery';
const FILE_TEXT = '{"format": "seller-auth-backup", "sealed": "…"}';

function backupSection() {
  return within(screen.getByRole('region', { name: 'Backup' }));
}

function exportForm() {
  return within(screen.getByRole('form', { name: 'Export' }));
}

function importForm() {
  return within(screen.getByRole('form', { name: 'Import' }));
}

function typePassphrases(first: string, second = first) {
  fireEvent.input(exportForm().getByLabelText('Passphrase'), { target: { value: first } });
  fireEvent.input(exportForm().getByLabelText('Passphrase again'), { target: { value: second } });
}

function descriptionOf(element: HTMLElement): string {
  const ids = (element.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

function exported(change: Partial<BackupExport> = {}): BackupExport {
  return { fileName: 'seller-auth-backup-2027-01-12.json', text: FILE_TEXT, shops: 2, moved: 0, ...change };
}

function preview(change: Partial<ImportPreview> = {}): ImportPreview {
  const shop = {
    appName: 'Shop tools',
    platform: 'lazada' as const,
    country: 'sg',
    status: 'connected' as const,
    refreshExpiresAt: PAGE_NOW + 20 * 86_400_000,
  };
  return {
    exportedAt: PAGE_NOW - 86_400_000,
    includesSecrets: false,
    apps: {
      added: [{ id: 'app-9', name: 'Shop tools', platform: 'lazada', appKey: '100132' }],
      updated: [],
      kept: 0,
    },
    secrets: { added: 0, replaced: 0 },
    appsWithoutSecret: [{ id: 'app-9', name: 'Shop tools', platform: 'lazada', appKey: '100132' }],
    shops: {
      added: [{ ...shop, id: 's1', account: 'new@shop.sg', takesOver: true }],
      updated: [{ ...shop, id: 's2', account: 'newer@shop.sg', reason: 'newer_tokens', takesOver: true }],
      kept: [{ ...shop, id: 's3', account: 'mine@shop.sg', reason: 'local_newer' }],
    },
    takingOver: 2,
    settings: ['notifications'],
    tools: { added: 0, kept: 0 },
    ...change,
  };
}

function chooseFile(text: string, name = 'seller-auth-backup-2027-01-11.json') {
  const file = new File([text], name, { type: 'application/json' });
  fireEvent.change(importForm().getByLabelText('Backup file'), { target: { files: [file] } });
}

let blobs: Blob[];
let clicked: HTMLAnchorElement[];

beforeEach(() => {
  blobs = [];
  clicked = [];
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    blobs.push(blob as Blob);
    return `blob:seller-auth/${blobs.length}`;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('backup reminder', () => {
  it('says how many shops are in no backup, and when the last one was made', async () => {
    renderOptions({ handlers: { 'backup.status': () => ({ shops: 3, notBackedUp: 3 }) } });
    expect(await backupSection().findByText(/3 shops are not in any backup\./)).toBeTruthy();
    expect(backupSection().getByText(/No backup yet\./)).toBeTruthy();
  });

  it('says nothing is missing once every shop is in a backup', async () => {
    const lastExportAt = Date.UTC(2027, 0, 10, 8, 30);
    renderOptions({ handlers: { 'backup.status': () => ({ shops: 3, notBackedUp: 0, lastExportAt }) } });
    expect(await backupSection().findByText(/^Last backup: 10 Jan 2027/)).toBeTruthy();
    expect(backupSection().queryByText(/not in any backup/)).toBeNull();
  });

  it('counts again when the worker says the shops changed', async () => {
    let notBackedUp = 0;
    const { events } = renderOptions({ handlers: { 'backup.status': () => ({ shops: 1, notBackedUp }) } });
    await backupSection().findByText(/No backup yet/);
    notBackedUp = 1;
    events.emit({ event: 'grants.changed' });
    expect(await backupSection().findByText(/1 shop is not in any backup\./)).toBeTruthy();
  });
});

describe('export', () => {
  it('asks for the passphrase twice, and checks it before asking the worker', async () => {
    const { worker } = renderOptions();
    await backupSection().findByText(/No backup yet/);

    typePassphrases('short');
    fireEvent.click(exportForm().getByRole('button', { name: 'Export a copy' }));
    expect(descriptionOf(exportForm().getByLabelText('Passphrase'))).toContain('Use at least 8 characters.');

    typePassphrases(PASSPHRASE, `${PASSPHRASE}!`);
    fireEvent.click(exportForm().getByRole('button', { name: 'Export a copy' }));
    expect(descriptionOf(exportForm().getByLabelText('Passphrase again'))).toContain(
      'The two passphrases are not the same.',
    );
    expect(worker.callsOf('backup.export')).toEqual([]);
  });

  it('exports a copy without secrets by default and saves it through an <a download> link', async () => {
    const { worker } = renderOptions({ handlers: { 'backup.export': () => exported() } });
    await backupSection().findByText(/No backup yet/);
    expect(exportForm().getByLabelText('Include app secrets')).toHaveProperty('checked', false);

    typePassphrases(PASSPHRASE);
    fireEvent.submit(screen.getByRole('form', { name: 'Export' }));

    const link = await exportForm().findByRole('link', {
      name: 'Save seller-auth-backup-2027-01-12.json again',
    });
    expect(worker.callsOf('backup.export')).toEqual([
      { passphrase: PASSPHRASE, includeSecrets: false, move: false },
    ]);
    expect(link.getAttribute('download')).toBe('seller-auth-backup-2027-01-12.json');
    expect(link.getAttribute('href')).toBe('blob:seller-auth/1');
    expect(clicked).toEqual([link]);
    expect(await blobs[0]?.text()).toBe(FILE_TEXT);
    expect(exportForm().getByText(/Backup of 2 shops saved\./)).toBeTruthy();
    expect(exportForm().getByLabelText('Passphrase')).toHaveProperty('value', '');
    expect(await screen.findByText('Backup saved')).toBeTruthy();
  });

  it('explains the secrets choice and the copy warning, and sends the secrets only when ticked', async () => {
    const { worker } = renderOptions({ handlers: { 'backup.export': () => exported() } });
    await backupSection().findByText(/No backup yet/);
    const secrets = exportForm().getByLabelText('Include app secrets');
    expect(descriptionOf(secrets)).toContain(
      'whoever has the file and the passphrase can sign calls as your app',
    );
    expect(descriptionOf(exportForm().getByRole('button', { name: 'Export a copy' }))).toContain(
      'two browsers refreshing one shop spend each other',
    );

    fireEvent.click(secrets);
    typePassphrases(PASSPHRASE);
    fireEvent.click(exportForm().getByRole('button', { name: 'Export a copy' }));

    await waitFor(() =>
      expect(worker.callsOf('backup.export')).toEqual([
        { passphrase: PASSPHRASE, includeSecrets: true, move: false },
      ]),
    );
  });

  it('moves only after saying this browser stops refreshing the shops', async () => {
    const { worker } = renderOptions({
      handlers: {
        'backup.status': () => ({ shops: 2, notBackedUp: 2 }),
        'backup.export': () => exported({ moved: 2 }),
      },
    });
    await backupSection().findByText(/2 shops are not in any backup/);
    const move = exportForm().getByRole('button', { name: 'Move to another browser…' });
    expect(descriptionOf(move)).toContain('this browser stops refreshing them');

    typePassphrases(PASSPHRASE);
    fireEvent.click(move);
    const question = exportForm().getByRole('group', { name: /Move 2 shops to another browser\?/ });
    expect(question.textContent).toContain('This browser stops refreshing them at once');
    expect(worker.callsOf('backup.export')).toEqual([]);
    fireEvent.click(within(question).getByRole('button', { name: 'Move and save the file' }));

    expect(
      await exportForm().findByText(/2 shops moved: import this file in the other browser now\./),
    ).toBeTruthy();
    expect(worker.callsOf('backup.export')).toEqual([
      { passphrase: PASSPHRASE, includeSecrets: false, move: true },
    ]);
    expect(clicked).toHaveLength(1);
  });

  it('shows what went wrong in words and keeps the form', async () => {
    renderOptions({
      handlers: {
        'backup.export': () => {
          throw new SellerAuthError('storage_failed', 'Could not list grants (UnknownError).');
        },
      },
    });
    await backupSection().findByText(/No backup yet/);
    typePassphrases(PASSPHRASE);
    fireEvent.click(exportForm().getByRole('button', { name: 'Export a copy' }));
    expect(await exportForm().findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('Could not save'),
    );
    expect(exportForm().getByLabelText('Passphrase')).toHaveProperty('value', PASSPHRASE);
    expect(blobs).toEqual([]);
  });
});

describe('import', () => {
  it('checks the file, previews what it adds, updates and keeps, then applies it', async () => {
    const { worker } = renderOptions({
      handlers: {
        'backup.inspect': () => ({ formatVersion: 1, iterations: 600_000 }),
        'backup.preview': () => preview(),
        'backup.apply': () => preview(),
      },
    });
    await backupSection().findByText(/No backup yet/);
    const appListsBefore = worker.callsOf('apps.list').length;

    chooseFile(FILE_TEXT);
    const passphrase = await importForm().findByLabelText('Passphrase of seller-auth-backup-2027-01-11.json');
    expect(worker.callsOf('backup.inspect')).toEqual([{ text: FILE_TEXT }]);
    fireEvent.input(passphrase, { target: { value: PASSPHRASE } });
    fireEvent.click(importForm().getByRole('button', { name: 'Show what it imports' }));

    const shown = within(await importForm().findByRole('region', { name: 'What the import does' }));
    expect(worker.callsOf('backup.preview')).toEqual([{ text: FILE_TEXT, passphrase: PASSPHRASE }]);
    expect(
      within(shown.getByRole('list', { name: 'Shops added (1)' })).getByText(/new@shop\.sg/),
    ).toBeTruthy();
    expect(shown.getByRole('list', { name: 'Shops updated (1)' }).textContent).toContain(
      'the file has a newer authorization',
    );
    expect(shown.getByRole('list', { name: 'Shops kept as they are here (1)' }).textContent).toContain(
      'this browser has a newer authorization',
    );
    expect(shown.getByText(/takes over refreshing 2 shops/)).toBeTruthy();
    expect(shown.getByText(/no secret for Shop tools/)).toBeTruthy();
    expect(worker.callsOf('backup.apply')).toEqual([]);

    fireEvent.click(importForm().getByRole('button', { name: 'Apply import' }));

    expect(await screen.findByText('Backup imported: 1 shop added, 1 updated')).toBeTruthy();
    expect(worker.callsOf('backup.apply')).toEqual([{ text: FILE_TEXT, passphrase: PASSPHRASE }]);
    await waitFor(() => expect(worker.callsOf('apps.list').length).toBeGreaterThan(appListsBefore));
    expect(importForm().queryByLabelText(/Passphrase of/)).toBeNull();
  });

  it('names a file that is not a backup at once, before any passphrase', async () => {
    renderOptions({
      handlers: {
        'backup.inspect': () => {
          throw new SellerAuthError('backup_not_seller_auth', 'This is not a Seller Auth backup file.');
        },
      },
    });
    await backupSection().findByText(/No backup yet/);
    chooseFile('just some text', 'notes.json');
    expect(await importForm().findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('Not a Seller Auth backup'),
    );
    expect(importForm().queryByLabelText(/Passphrase of/)).toBeNull();
  });

  it('says the passphrase is wrong and offers no Apply', async () => {
    renderOptions({
      handlers: {
        'backup.inspect': () => ({ formatVersion: 1, iterations: 600_000 }),
        'backup.preview': () => {
          throw new SellerAuthError('backup_wrong_passphrase', 'The passphrase does not open this backup.');
        },
      },
    });
    await backupSection().findByText(/No backup yet/);
    chooseFile(FILE_TEXT);
    fireEvent.input(await importForm().findByLabelText(/Passphrase of/), { target: { value: 'nope' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Import' }));
    expect(await importForm().findByRole('alert')).toHaveProperty(
      'textContent',
      expect.stringContaining('Wrong passphrase'),
    );
    expect(importForm().queryByRole('button', { name: 'Apply import' })).toBeNull();
  });

  it('offers no Apply when the file holds nothing new', async () => {
    const nothing = preview({
      apps: { added: [], updated: [], kept: 1 },
      appsWithoutSecret: [],
      shops: { added: [], updated: [], kept: preview().shops.kept },
      takingOver: 0,
      settings: [],
    });
    renderOptions({
      handlers: {
        'backup.inspect': () => ({ formatVersion: 1, iterations: 600_000 }),
        'backup.preview': () => nothing,
      },
    });
    await backupSection().findByText(/No backup yet/);
    chooseFile(FILE_TEXT);
    fireEvent.input(await importForm().findByLabelText(/Passphrase of/), { target: { value: PASSPHRASE } });
    fireEvent.submit(screen.getByRole('form', { name: 'Import' }));
    expect(await importForm().findByText(/Nothing to import/)).toBeTruthy();
    expect(importForm().queryByRole('button', { name: 'Apply import' })).toBeNull();
    expect(importForm().getByRole('button', { name: 'Close' })).toBeTruthy();
  });

  it('keeps Apply busy while the worker imports', async () => {
    const applying = deferred<ImportPreview>();
    renderOptions({
      handlers: {
        'backup.inspect': () => ({ formatVersion: 1, iterations: 600_000 }),
        'backup.preview': () => preview(),
        'backup.apply': () => applying.promise,
      },
    });
    await backupSection().findByText(/No backup yet/);
    chooseFile(FILE_TEXT);
    fireEvent.input(await importForm().findByLabelText(/Passphrase of/), { target: { value: PASSPHRASE } });
    fireEvent.submit(screen.getByRole('form', { name: 'Import' }));
    fireEvent.click(await importForm().findByRole('button', { name: 'Apply import' }));
    const busy = await importForm().findByRole('button', { name: 'Importing…' });
    expect(busy).toHaveProperty('disabled', true);
    applying.resolve(preview());
    expect(await screen.findByText(/Backup imported/)).toBeTruthy();
  });
});

describe('remove app with shops', () => {
  it('offers an export first, which brings the person to the passphrase', async () => {
    renderOptions({
      handlers: {
        'apps.list': () => [anAppView()],
        'grants.list': () => [aGrantView()],
      },
    });
    const apps = within(screen.getByRole('region', { name: 'Apps' }));
    fireEvent.click(await apps.findByRole('button', { name: /Remove/ }));
    const first = await apps.findByRole('button', { name: 'Export a backup first' });

    fireEvent.click(first);

    expect(document.activeElement).toBe(exportForm().getByLabelText('Passphrase'));
  });

  it('offers no export for an app without shops', async () => {
    renderOptions({ handlers: { 'apps.list': () => [anAppView()], 'grants.list': () => [] } });
    const apps = within(screen.getByRole('region', { name: 'Apps' }));
    fireEvent.click(await apps.findByRole('button', { name: /Remove/ }));
    await apps.findByText(/No shops are connected through it/);
    expect(apps.queryByRole('button', { name: 'Export a backup first' })).toBeNull();
  });
});
