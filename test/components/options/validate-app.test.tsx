import { describe, expect, it } from 'vitest';
import { type AppFormValues, appInputFromForm, emptyAppForm } from '../../../src/options/app-form-values';
import { type AppInputProblems, validateAppInput } from '../../../src/platforms/app-input';

const IDENTITY_CALLBACK = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/';

function form(change: Partial<AppFormValues> = {}): AppFormValues {
  return { ...emptyAppForm(), name: 'My app', appKey: '100132', appSecret: 's3cret', ...change };
}

/** The form's problems, checked as the page does before it sends `apps.save`. */
function problemsOf(values: AppFormValues, app: { isNew: boolean; secretSaved?: boolean }): AppInputProblems {
  const input = appInputFromForm(values, { identityCallbackUrl: IDENTITY_CALLBACK });
  const checked = validateAppInput(input, { secretRequired: app.isNew || app.secretSaved === false });
  return checked.ok ? {} : checked.problems;
}

describe('validateAppInput on the app form', () => {
  it('accepts a complete new Lazada app with the extension callback', () => {
    expect(problemsOf(form(), { isNew: true })).toEqual({});
  });

  it('asks for a name, ignoring blanks', () => {
    expect(problemsOf(form({ name: '   ' }), { isNew: true }).name).toMatch(/name/i);
  });

  it('asks for an app key', () => {
    expect(problemsOf(form({ appKey: '' }), { isNew: true }).appKey).toMatch(/app key/i);
  });

  it('rejects a non-numeric Lazada app key but accepts it for AliExpress', () => {
    expect(problemsOf(form({ appKey: '12ab' }), { isNew: true }).appKey).toMatch(/digits only/);
    expect(problemsOf(form({ appKey: '12ab', platform: 'aliexpress' }), { isNew: true })).toEqual({});
  });

  it('rejects an AliExpress app key with spaces or punctuation (a paste mistake)', () => {
    expect(
      problemsOf(form({ appKey: '12 34', platform: 'aliexpress' }), { isNew: true }).appKey,
    ).toBeDefined();
  });

  it('requires a secret for a new app, and for a saved app only when none is saved', () => {
    expect(problemsOf(form({ appSecret: '' }), { isNew: true }).appSecret).toMatch(/secret/i);
    expect(problemsOf(form({ appSecret: '' }), { isNew: false })).toEqual({});
    expect(problemsOf(form({ appSecret: '' }), { isNew: false, secretSaved: true })).toEqual({});
    expect(problemsOf(form({ appSecret: '' }), { isNew: false, secretSaved: false }).appSecret).toMatch(
      /secret/i,
    );
  });

  it('checks the tab callback URL: present, well formed, https', () => {
    const tab = (tabCallbackUrl: string) =>
      problemsOf(form({ callbackKind: 'tab', tabCallbackUrl }), { isNew: true }).callbackUrl;
    expect(tab('')).toMatch(/callback URL/);
    expect(tab('not a url')).toMatch(/absolute URL/);
    expect(tab('http://example.com/cb')).toMatch(/https/);
    expect(tab('ftp://example.com/cb')).toMatch(/https/);
    expect(tab('https://example.com/cb')).toBeUndefined();
  });

  it('allows an http callback only on the local sandbox hosts', () => {
    const tab = (tabCallbackUrl: string) =>
      problemsOf(form({ callbackKind: 'tab', tabCallbackUrl }), { isNew: true }).callbackUrl;
    expect(tab('http://127.0.0.1:8788/callback')).toBeUndefined();
    expect(tab('http://localhost:8788/callback')).toBeUndefined();
    expect(tab('http://192.168.1.2/callback')).toMatch(/https/);
  });

  it('ignores the tab URL while the extension callback is chosen', () => {
    expect(problemsOf(form({ callbackKind: 'identity', tabCallbackUrl: 'junk' }), { isNew: true })).toEqual(
      {},
    );
  });

  it('leaves empty endpoints to the defaults and checks filled ones', () => {
    const errors = problemsOf(
      form({
        authorizeUrl: 'nope',
        tokenCreateUrl: 'ftp://x.test/create',
        tokenRefreshUrl: 'http://127.0.0.1:1/r',
      }),
      { isNew: true },
    );
    expect(errors.authorizeUrl).toMatch(/absolute URL/);
    expect(errors.tokenCreateUrl).toMatch(/https/);
    expect(errors.tokenRefreshUrl).toBeUndefined();
    expect(problemsOf(form({ authorizeUrl: '' }), { isNew: true })).toEqual({});
  });

  it('refuses plain http endpoints off the local machine, and URLs with a password', () => {
    const errors = problemsOf(
      form({
        tokenCreateUrl: 'http://relay.example.com/create',
        tokenRefreshUrl: 'https://u:p@relay.example.com/r',
      }),
      { isNew: true },
    );
    expect(errors.tokenCreateUrl).toMatch(/https/);
    expect(errors.tokenRefreshUrl).toMatch(/password/);
  });

  it('never repeats a pasted URL in its message', () => {
    const errors = problemsOf(form({ callbackKind: 'tab', tabCallbackUrl: 'http://x.test/?token=abc' }), {
      isNew: true,
    });
    expect(errors.callbackUrl).toBeDefined();
    expect(errors.callbackUrl).not.toContain('abc');
  });

  it('refuses a secret with spaces inside, without repeating it', () => {
    const errors = problemsOf(form({ appSecret: 'abc def-very-secret' }), { isNew: true });
    expect(errors.appSecret).toMatch(/spaces/);
    expect(errors.appSecret).not.toContain('very-secret');
  });
});
