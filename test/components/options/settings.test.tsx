import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SellerAuthError } from '../../../src/shared/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/shared/model';
import { normalizeSettingsChange } from '../../../src/shared/settings-change';
import { renderOptions } from './options-fixtures';

function settingsSection() {
  return within(screen.getByRole('region', { name: 'Settings' }));
}

function fill(label: string, value: string) {
  fireEvent.input(settingsSection().getByLabelText(label), { target: { value } });
}

function errorOf(label: string): string {
  const input = settingsSection().getByLabelText(label);
  expect(input.getAttribute('aria-invalid')).toBe('true');
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ');
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

const KEEP = 'Keep at least this many days of access';

const stored: Settings = { ...DEFAULT_SETTINGS, reminderDays: [14, 3], refreshLeadMinutes: 45 };

describe('settings', () => {
  it('shows the stored settings', async () => {
    renderOptions({ handlers: { 'settings.get': () => stored } });
    expect(await settingsSection().findByLabelText('Refresh before expiry (minutes)')).toHaveProperty(
      'value',
      '45',
    );
    expect(settingsSection().getByLabelText(/Remind before/)).toHaveProperty('value', '14, 3');
    expect(settingsSection().getByLabelText('Show desktop notifications')).toHaveProperty('checked', true);
  });

  it('saves every setting, parsing the reminder days', async () => {
    const { worker } = renderOptions({
      handlers: { 'settings.get': () => stored, 'settings.save': (change) => ({ ...stored, ...change }) },
    });
    await settingsSection().findByLabelText('Refresh before expiry (minutes)');
    fill('Refresh before expiry (minutes)', '20');
    fill(KEEP, '5');
    fill('Remind before the authorization deadline (days)', ' 7, 2 ,1 ');
    fill('Refreshes at the same time (at most)', '2');
    fill('Refreshes per minute (at most)', '60');
    fireEvent.click(settingsSection().getByLabelText('Show desktop notifications'));
    fireEvent.click(settingsSection().getByRole('button', { name: 'Save settings' }));

    expect(await screen.findByText('Settings saved')).toBeTruthy();
    expect(worker.callsOf('settings.save')).toEqual([
      {
        refreshLeadMinutes: 20,
        keepAccessDays: 5,
        reminderDays: [7, 2, 1],
        maxConcurrentRefreshes: 2,
        maxRefreshesPerMinute: 60,
        notifications: false,
      },
    ]);
    expect(settingsSection().getByLabelText(/Remind before/)).toHaveProperty('value', '7, 2, 1');
  });

  it('catches text that is not a number before sending', async () => {
    const { worker } = renderOptions();
    await settingsSection().findByLabelText('Refresh before expiry (minutes)');
    fill('Refresh before expiry (minutes)', 'soon');
    fill('Remind before the authorization deadline (days)', '7, two');
    fireEvent.click(settingsSection().getByRole('button', { name: 'Save settings' }));

    await waitFor(() => expect(errorOf('Refresh before expiry (minutes)')).toMatch(/whole number/));
    expect(errorOf('Remind before the authorization deadline (days)')).toMatch(/separated by commas/);
    expect(worker.callsOf('settings.save')).toEqual([]);
  });

  it("shows the worker's range check next to its field", async () => {
    renderOptions({
      handlers: {
        'settings.save': () => {
          throw new SellerAuthError('invalid_input', 'Use between 1 and 16 refreshes at a time.', {
            field: 'maxConcurrentRefreshes',
          });
        },
      },
    });
    await settingsSection().findByLabelText('Refreshes at the same time (at most)');
    fill('Refreshes at the same time (at most)', '500');
    fireEvent.click(settingsSection().getByRole('button', { name: 'Save settings' }));

    await waitFor(() =>
      expect(errorOf('Refreshes at the same time (at most)')).toBe(
        'Use between 1 and 16 refreshes at a time.',
      ),
    );
    expect(screen.queryByText('Settings saved')).toBeNull();
  });

  it('shows the days of access to keep, explained in one line', async () => {
    renderOptions({ handlers: { 'settings.get': () => ({ ...stored, keepAccessDays: 4 }) } });
    const input = await settingsSection().findByLabelText(KEEP);
    expect(input).toHaveProperty('value', '4');
    const hint = document.getElementById(input.getAttribute('aria-describedby') ?? '');
    expect(hint?.textContent).toBe(
      'Whole days, 0 to 30. Refreshing earlier keeps shops working while the computer is off.',
    );
  });

  it("checks the days of access with the worker's own rules, and saves 0", async () => {
    const { worker } = renderOptions({
      handlers: {
        'settings.get': () => stored,
        'settings.save': (change) => ({ ...stored, ...normalizeSettingsChange(change) }),
      },
    });
    await settingsSection().findByLabelText(KEEP);
    fill(KEEP, 'a week');
    fireEvent.click(settingsSection().getByRole('button', { name: 'Save settings' }));
    await waitFor(() => expect(errorOf(KEEP)).toMatch(/whole number/));
    expect(worker.callsOf('settings.save')).toEqual([]);

    fill(KEEP, '31');
    fireEvent.click(settingsSection().getByRole('button', { name: 'Save settings' }));
    await waitFor(() =>
      expect(errorOf(KEEP)).toContain('Days of access to keep must be a whole number from 0 to 30.'),
    );
    expect(screen.queryByText('Settings saved')).toBeNull();

    fill(KEEP, '0');
    fireEvent.click(settingsSection().getByRole('button', { name: 'Save settings' }));
    expect(await screen.findByText('Settings saved')).toBeTruthy();
    expect(worker.callsOf('settings.save').at(-1)).toMatchObject({ keepAccessDays: 0 });
    expect(settingsSection().getByLabelText(KEEP)).toHaveProperty('value', '0');
  });
});
