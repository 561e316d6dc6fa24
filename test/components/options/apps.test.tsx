import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { SellerAuthError } from '../../../src/shared/errors';
import type { AppInput } from '../../../src/shared/model';
import { aGrantView, anAppView } from '../../support/builders';
import { createFakeGate, IDENTITY_URL, renderOptions } from './options-fixtures';

const SECRET = 'hunter2-app-secret';

function appsSection() {
  return within(screen.getByRole('region', { name: 'Apps' }));
}

function fill(label: string, value: string) {
  fireEvent.input(screen.getByLabelText(label), { target: { value } });
}

async function openAddForm() {
  fireEvent.click(await appsSection().findByRole('button', { name: 'Add app' }));
  return screen.findByRole('form', { name: 'Add app' });
}

function fillValidNewApp() {
  fill('Name', 'Shop tools');
  fill('App key', '100132');
  fill('App secret', SECRET);
}

function save() {
  fireEvent.click(screen.getByRole('button', { name: 'Save app' }));
}

/** The inline message tied to an input, read the way assistive technology reads it. */
function descriptionOf(label: string): string {
  const input = screen.getByLabelText(label);
  const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
}

function savedFrom(input: AppInput) {
  return anAppView({
    id: input.id ?? 'app-new',
    name: input.name,
    platform: input.platform,
    appKey: input.appKey,
    callbackUrl: input.callbackUrl,
    callbackKind: input.callbackUrl === IDENTITY_URL ? 'identity' : 'tab',
    hasSecret: true,
  });
}

describe('app profiles', () => {
  it('adds an app: sends apps.save with the input, lists it, and never shows the secret again', async () => {
    const { worker } = renderOptions({ handlers: { 'apps.save': savedFrom } });
    await openAddForm();
    fillValidNewApp();
    save();

    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'App saved');
    expect(worker.callsOf('apps.save')).toEqual([
      {
        name: 'Shop tools',
        platform: 'lazada',
        appKey: '100132',
        appSecret: SECRET,
        callbackUrl: IDENTITY_URL,
      },
    ]);
    expect(screen.queryByRole('form', { name: 'Add app' })).toBeNull();
    const row = appsSection().getByRole('row', { name: /Shop tools/ });
    expect(within(row).getByText('✓ Saved')).toBeTruthy();

    fireEvent.click(appsSection().getByRole('button', { name: 'Edit Shop tools' }));
    await screen.findByRole('form', { name: 'Edit Shop tools' });
    expect(screen.getByLabelText('App secret')).toHaveProperty('value', '');
    expect(descriptionOf('App secret')).toBe('Saved. Leave empty to keep it.');
    const shownValues = [...document.querySelectorAll('input')].map((input) => input.value);
    expect(shownValues.join(' ')).not.toContain(SECRET);
    expect(document.body.innerHTML).not.toContain(SECRET);
  });

  it('edits an app and keeps the stored secret when the field is left empty', async () => {
    const { worker } = renderOptions({
      handlers: { 'apps.list': () => [anAppView({ name: 'Shop tools' })], 'apps.save': savedFrom },
    });
    fireEvent.click(await appsSection().findByRole('button', { name: 'Edit Shop tools' }));
    await screen.findByRole('form', { name: 'Edit Shop tools' });
    expect(screen.getByLabelText('Name')).toHaveProperty('value', 'Shop tools');
    expect(screen.getByLabelText('Platform')).toHaveProperty('disabled', true);
    fill('Name', 'Shop tools SG');
    save();

    await screen.findByText('App saved');
    const [sent] = worker.callsOf('apps.save');
    expect(sent).toMatchObject({
      id: 'app-1',
      name: 'Shop tools SG',
      appKey: '100132',
      callbackUrl: IDENTITY_URL,
    });
    expect(sent).not.toHaveProperty('appSecret');
    expect(appsSection().getByRole('row', { name: /Shop tools SG/ })).toBeTruthy();
  });

  it('asks for the secret again when an edit moves an endpoint to another host', async () => {
    const { worker } = renderOptions({
      handlers: { 'apps.list': () => [anAppView({ name: 'Shop tools' })], 'apps.save': savedFrom },
    });
    fireEvent.click(await appsSection().findByRole('button', { name: 'Edit Shop tools' }));
    await screen.findByRole('form', { name: 'Edit Shop tools' });
    fill('Token refresh URL', 'https://relay.example.com/refresh');
    fireEvent.click(screen.getByLabelText(/Custom gateway/));
    save();

    expect(descriptionOf('App secret')).toMatch(/Enter the app secret/);
    expect(worker.callsOf('apps.save')).toEqual([]);

    fill('App secret', SECRET);
    save();
    await screen.findByText('App saved');
    expect(worker.callsOf('apps.save')[0]).toMatchObject({
      appSecret: SECRET,
      customGateway: true,
      endpoints: { tokenRefreshUrl: 'https://relay.example.com/refresh' },
    });
  });

  it('refuses an address outside the platforms until custom gateway is ticked', async () => {
    const { worker } = renderOptions({ handlers: { 'apps.save': savedFrom } });
    await openAddForm();
    fillValidNewApp();
    fill('Token create URL', 'https://relay.example.com/create');
    save();
    expect(descriptionOf('Token create URL')).toMatch(/Custom gateway/);
    expect(worker.callsOf('apps.save')).toEqual([]);
  });

  it.each([
    ['an empty name', () => fill('Name', '  '), 'Name', /Enter a name/],
    ['an empty app key', () => fill('App key', ''), 'App key', /Enter the app key/],
    ['a non-numeric Lazada app key', () => fill('App key', '12ab'), 'App key', /digits only/],
    ['a missing secret for a new app', () => fill('App secret', ''), 'App secret', /Enter the app secret/],
    [
      'a malformed callback URL',
      () => {
        fireEvent.click(screen.getByLabelText('Another https URL already registered for the app'));
        fill('Registered callback URL', 'tools.example.com/callback');
      },
      'Registered callback URL',
      /absolute URL/,
    ],
    [
      'a callback that is not https',
      () => {
        fireEvent.click(screen.getByLabelText('Another https URL already registered for the app'));
        fill('Registered callback URL', 'http://tools.example.com/callback');
      },
      'Registered callback URL',
      /must use https/,
    ],
    [
      'an endpoint that is not http(s)',
      () => fill('Token create URL', 'ftp://relay.example.com/create'),
      'Token create URL',
      /must use https/,
    ],
  ])('shows %s inline and sends nothing', async (_case, makeInvalid, label, message) => {
    const gate = createFakeGate();
    const { worker } = renderOptions({ gate });
    await openAddForm();
    fillValidNewApp();
    makeInvalid();
    save();

    await waitFor(() => expect(screen.getByLabelText(label).getAttribute('aria-invalid')).toBe('true'));
    expect(descriptionOf(label)).toMatch(message);
    expect(document.activeElement).toBe(screen.getByLabelText(label));
    expect(worker.callsOf('apps.save')).toEqual([]);
    expect(gate.asked).toEqual([]);
  });

  it("shows the worker's invalid_input next to the field it names", async () => {
    renderOptions({
      handlers: {
        'apps.save': () => {
          throw new SellerAuthError('invalid_input', 'The authorize URL answered 404.', {
            field: 'endpoints.authorizeUrl',
          });
        },
      },
    });
    await openAddForm();
    fillValidNewApp();
    save();

    await waitFor(() => expect(descriptionOf('Authorize URL')).toBe('The authorize URL answered 404.'));
    expect(screen.getByLabelText('Authorize URL').getAttribute('aria-invalid')).toBe('true');
    // The field sits in the collapsed "Advanced" part: it is opened so the message is seen.
    await waitFor(() =>
      expect(screen.getByText('Advanced: custom endpoints').closest('details')?.open).toBe(true),
    );
    expect(screen.getByRole('form', { name: 'Add app' })).toBeTruthy();
  });

  it('shows a worker error about no field as a notice, keeping the form filled', async () => {
    renderOptions({
      handlers: {
        'apps.save': () => {
          throw new SellerAuthError('storage_failed', 'IndexedDB write failed.');
        },
      },
    });
    await openAddForm();
    fillValidNewApp();
    save();

    expect((await screen.findByRole('alert')).textContent).toContain('Could not save');
    expect(screen.getByLabelText('Name')).toHaveProperty('value', 'Shop tools');
  });

  it('asks to confirm a removal with the number of shops that go with it', async () => {
    const grants = [
      aGrantView({ id: 'g1' }),
      aGrantView({ id: 'g2' }),
      aGrantView({ id: 'g3' }),
      aGrantView({ id: 'g4', appId: 'app-2' }),
    ];
    const { worker } = renderOptions({
      handlers: {
        'apps.list': () => [anAppView({ name: 'Shop tools' }), anAppView({ id: 'app-2', name: 'Other app' })],
        'grants.list': () => grants,
        'apps.remove': () => ({ removedGrants: 3 }),
      },
    });
    fireEvent.click(await appsSection().findByRole('button', { name: 'Remove Shop tools' }));
    const confirm = await screen.findByRole('group', { name: /Its 3 shops will be removed with it/ });
    expect(worker.callsOf('apps.remove')).toEqual([]);

    fireEvent.click(within(confirm).getByRole('button', { name: 'Remove app and 3 shops' }));
    expect(await screen.findByText('App removed with 3 shops')).toBeTruthy();
    expect(worker.callsOf('apps.remove')).toEqual([{ appId: 'app-1' }]);
    expect(appsSection().queryByRole('row', { name: /Shop tools/ })).toBeNull();
    expect(appsSection().getByRole('row', { name: /Other app/ })).toBeTruthy();
  });

  it('removes nothing when the confirmation is dismissed, and says when no shop is affected', async () => {
    const { worker } = renderOptions({
      handlers: { 'apps.list': () => [anAppView({ name: 'Shop tools' })], 'grants.list': () => [] },
    });
    fireEvent.click(await appsSection().findByRole('button', { name: 'Remove Shop tools' }));
    const confirm = await screen.findByRole('group', { name: /No shops are connected through it/ });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));

    expect(screen.queryByRole('group')).toBeNull();
    expect(worker.callsOf('apps.remove')).toEqual([]);
    expect(appsSection().getByRole('row', { name: /Shop tools/ })).toBeTruthy();
  });

  it("shows and copies this extension's callback URL with the console instruction", async () => {
    const { pageActions } = renderOptions();
    await openAddForm();
    const urlField = screen.getByLabelText('Extension callback URL');
    expect(urlField).toHaveProperty('value', IDENTITY_URL);
    expect(urlField).toHaveProperty('readOnly', true);
    expect(descriptionOf('Extension callback URL')).toBe(
      'Register this URL as the callback URL of your app in the Lazada open platform console.',
    );
    fireEvent.change(screen.getByLabelText('Platform'), { target: { value: 'aliexpress' } });
    expect(descriptionOf('Extension callback URL')).toContain('AliExpress open platform console');

    fireEvent.click(screen.getByRole('button', { name: 'Copy callback URL' }));
    expect(await screen.findByText('Copied')).toBeTruthy();
    expect(pageActions.copied).toEqual([IDENTITY_URL]);
  });

  it("shows and saves the running extension's callback URL, not the development id's", async () => {
    // A store install: the Web Store assigns the id, so getRedirectURL() differs from the pinned one.
    const storeUrl = 'https://mhjfbmdgcfjbbpaeojofohoefgiehjai.chromiumapp.org/';
    const { worker, pageActions } = renderOptions({
      handlers: {
        'extension.info': () => ({
          extensionId: 'mhjfbmdgcfjbbpaeojofohoefgiehjai',
          identityCallbackUrl: storeUrl,
        }),
        'apps.save': savedFrom,
      },
    });
    await openAddForm();
    expect(screen.getByLabelText('Extension callback URL')).toHaveProperty('value', storeUrl);
    fireEvent.click(screen.getByRole('button', { name: 'Copy callback URL' }));
    expect(await screen.findByText('Copied')).toBeTruthy();
    expect(pageActions.copied).toEqual([storeUrl]);

    fillValidNewApp();
    save();
    await screen.findByText('App saved');
    expect(worker.callsOf('apps.save')).toEqual([expect.objectContaining({ callbackUrl: storeUrl })]);
    expect(document.body.innerHTML).not.toContain(IDENTITY_URL);
  });

  it('shows the default endpoints as placeholders of the advanced fields', async () => {
    renderOptions();
    await openAddForm();
    expect(screen.getByLabelText('Token refresh URL')).toHaveProperty(
      'placeholder',
      'https://auth.lazada.com/rest/auth/token/refresh',
    );
    fireEvent.change(screen.getByLabelText('Platform'), { target: { value: 'aliexpress' } });
    expect(screen.getByLabelText('Authorize URL')).toHaveProperty(
      'placeholder',
      'https://api-sg.aliexpress.com/oauth/authorize',
    );
  });

  it('asks for host access inside the Save click, before anything is sent', async () => {
    const gate = createFakeGate(true);
    const { worker } = renderOptions({ gate, handlers: { 'apps.save': savedFrom } });
    await openAddForm();
    fillValidNewApp();
    fireEvent.click(screen.getByLabelText('Another https URL already registered for the app'));
    fill('Registered callback URL', 'https://tools.example.com/callback');
    fill('Token create URL', 'https://relay.example.com/create');
    fireEvent.click(screen.getByLabelText(/Custom gateway/));
    save();

    // Synchronously within the click: Chrome only shows the prompt during a user gesture.
    expect(gate.asked).toEqual([
      {
        callbackKind: 'tab',
        callbackUrl: 'https://tools.example.com/callback',
        endpoints: { tokenCreateUrl: 'https://relay.example.com/create' },
      },
    ]);
    expect(worker.callsOf('apps.save')).toEqual([]);
    await screen.findByText('App saved');
    expect(worker.callsOf('apps.save')[0]).toMatchObject({
      callbackUrl: 'https://tools.example.com/callback',
      endpoints: { tokenCreateUrl: 'https://relay.example.com/create' },
    });
  });

  it('saves nothing when host access is refused, and says so', async () => {
    const gate = createFakeGate(false);
    const { worker } = renderOptions({ gate, handlers: { 'apps.save': savedFrom } });
    await openAddForm();
    fillValidNewApp();
    fill('Token create URL', 'https://relay.example.com/create');
    fireEvent.click(screen.getByLabelText(/Custom gateway/));
    save();

    expect((await screen.findByRole('alert')).textContent).toMatch(/nothing was saved/);
    expect(gate.asked).toHaveLength(1);
    expect(worker.callsOf('apps.save')).toEqual([]);
    expect(screen.getByRole('form', { name: 'Add app' })).toBeTruthy();
  });
});
