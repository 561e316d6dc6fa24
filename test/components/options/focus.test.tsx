import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { anAppView, PAGE_NOW } from '../../support/builders';
import { renderOptions } from './options-fixtures';

afterEach(cleanup);

const PASSPHRASE = 'correct horse battery';

/** A focused control that goes away leaves the focus on the page, as a browser does. */
function expectFocusOn(element: HTMLElement) {
  return waitFor(() => expect(document.activeElement).toBe(element));
}

describe('options page focus', () => {
  it('moves into the remove-app confirmation, and Escape gives the focus back to "Remove"', async () => {
    renderOptions({
      handlers: { 'apps.list': () => [anAppView({ name: 'Shop tools' })], 'grants.list': () => [] },
    });
    const remove = await screen.findByRole('button', { name: 'Remove Shop tools' });
    remove.focus();
    fireEvent.click(remove);
    const confirm = await screen.findByRole('group', { name: /No shops are connected through it/ });
    await expectFocusOn(within(confirm).getByRole('button', { name: 'Keep it' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('group', { name: /Remove Shop tools/ })).toBeNull());
    await expectFocusOn(screen.getByRole('button', { name: 'Remove Shop tools' }));
  });

  it('moves into the move confirmation, and Escape gives the focus back to "Move to another browser…"', async () => {
    renderOptions({ handlers: { 'backup.status': () => ({ shops: 2, notBackedUp: 2 }) } });
    const form = within(await screen.findByRole('form', { name: 'Export' }));
    await form.findByText(/2 shops are not in any backup/).catch(() => undefined);
    fireEvent.input(form.getByLabelText('Passphrase'), { target: { value: PASSPHRASE } });
    fireEvent.input(form.getByLabelText('Passphrase again'), { target: { value: PASSPHRASE } });
    const move = await waitFor(() => {
      const button = form.getByRole('button', { name: 'Move to another browser…' });
      expect(button.hasAttribute('disabled')).toBe(false);
      return button;
    });
    move.focus();
    fireEvent.click(move);
    await expectFocusOn(form.getByRole('button', { name: 'Cancel' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    await expectFocusOn(form.getByRole('button', { name: 'Move to another browser…' }));
  });

  it("moves to the import preview's first action, and back to the file field once it closes", async () => {
    renderOptions({
      handlers: {
        'backup.inspect': () => ({ formatVersion: 1, iterations: 600_000 }),
        'backup.preview': () => ({
          exportedAt: PAGE_NOW - 86_400_000,
          includesSecrets: false,
          apps: { added: [], updated: [], kept: 1 },
          secrets: { added: 0, replaced: 0 },
          appsWithoutSecret: [],
          shops: { added: [], updated: [], kept: [] },
          takingOver: 0,
          settings: [],
          tools: { added: 0, kept: 0 },
        }),
      },
    });
    const form = within(await screen.findByRole('form', { name: 'Import' }));
    const file = new File(['{}'], 'seller-auth-backup-2027-01-11.json', { type: 'application/json' });
    fireEvent.change(form.getByLabelText('Backup file'), { target: { files: [file] } });
    const passphrase = await form.findByLabelText(/^Passphrase of /);
    fireEvent.input(passphrase, { target: { value: PASSPHRASE } });
    const show = form.getByRole('button', { name: 'Show what it imports' });
    show.focus();
    fireEvent.click(show);
    await form.findByRole('region', { name: 'What the import does' });
    await expectFocusOn(form.getByRole('button', { name: 'Close' }));
    fireEvent.click(form.getByRole('button', { name: 'Close' }));
    await expectFocusOn(form.getByLabelText('Backup file'));
  });
});
