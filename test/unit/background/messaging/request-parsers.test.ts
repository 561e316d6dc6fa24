import { describe, expect, it } from 'vitest';
import { MAX_BACKUP_TEXT_LENGTH, parseRequest } from '../../../../src/background/messaging/request-parsers';
import { SellerAuthError } from '../../../../src/shared/errors';

const VALID = {
  name: ' Main store app ',
  platform: 'lazada',
  appKey: ' 100132 ',
  appSecret: 'helloworld',
  callbackUrl: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
};

const parseApp = (input: unknown) => parseRequest('apps.save', input);

function fieldOfFailure(input: unknown): string | undefined {
  try {
    parseApp(input);
  } catch (error) {
    if (error instanceof SellerAuthError && error.code === 'invalid_input')
      return error.details.field ?? '(none)';
    throw error;
  }
  return undefined;
}

describe("the apps.save parser (the worker's one app check)", () => {
  it('accepts a complete new app, trimming what people paste', () => {
    expect(parseApp(VALID)).toEqual({
      name: 'Main store app',
      platform: 'lazada',
      appKey: '100132',
      appSecret: 'helloworld',
      callbackUrl: 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/',
    });
  });

  it.each([
    ['a missing name', { ...VALID, name: '  ' }, 'name'],
    ['a very long name', { ...VALID, name: 'x'.repeat(81) }, 'name'],
    ['an unknown platform', { ...VALID, platform: 'shopee' }, 'platform'],
    ['a non-numeric Lazada app key', { ...VALID, appKey: '12ab' }, 'appKey'],
    ['an AliExpress key with spaces', { ...VALID, platform: 'aliexpress', appKey: '50 01' }, 'appKey'],
    ['a secret that is not text', { ...VALID, appSecret: 42 }, 'appSecret'],
    ['a secret with spaces inside', { ...VALID, appSecret: 'hello world' }, 'appSecret'],
    ['a callback over plain http', { ...VALID, callbackUrl: 'http://app.example.com/cb' }, 'callbackUrl'],
    ['a callback that is not a URL', { ...VALID, callbackUrl: 'app.example.com/cb' }, 'callbackUrl'],
    ['a callback with a fragment', { ...VALID, callbackUrl: 'https://app.example.com/cb#x' }, 'callbackUrl'],
    [
      'a callback with credentials',
      { ...VALID, callbackUrl: 'https://u:p@app.example.com/cb' },
      'callbackUrl',
    ],
    [
      'an http endpoint off this machine',
      { ...VALID, endpoints: { tokenCreateUrl: 'http://gw.example/t' } },
      'tokenCreateUrl',
    ],
    ['endpoints that are not an object', { ...VALID, endpoints: 'https://gw.example' }, '(none)'],
  ])('refuses %s, naming the field', (_name, input, field) => {
    expect(fieldOfFailure(input)).toBe(field);
  });

  it('refuses a payload that is not an object', () => {
    expect(fieldOfFailure('lazada')).toBe('(none)');
  });

  it('keeps the stored secret when editing an app that has one', () => {
    const valid = parseApp({ ...VALID, id: 'app-1', appSecret: '' });
    expect(valid.id).toBe('app-1');
    expect(valid).not.toHaveProperty('appSecret');
  });

  it('allows http only on this machine (the local sandbox), keeping the URL exactly as typed', () => {
    const valid = parseApp({
      ...VALID,
      callbackUrl: 'http://127.0.0.1:8787/callback',
      endpoints: { authorizeUrl: 'http://127.0.0.1:8787/oauth/authorize', tokenCreateUrl: '' },
    });
    expect(valid.callbackUrl).toBe('http://127.0.0.1:8787/callback');
    expect(valid.endpoints).toEqual({ authorizeUrl: 'http://127.0.0.1:8787/oauth/authorize' });
  });

  it('does not normalize a callback URL (the platform compares it as text)', () => {
    const valid = parseApp({ ...VALID, callbackUrl: 'https://App.example.com' });
    expect(valid.callbackUrl).toBe('https://App.example.com');
  });

  it('never repeats the secret in its message', () => {
    const attempt = () => parseApp({ ...VALID, appSecret: 'abc def-very-secret-value' });
    expect(attempt).toThrow(SellerAuthError);
    expect(attempt).not.toThrow(/very-secret/);
  });
});

describe('the other request parsers', () => {
  it('turn payloads into typed requests, defaulting what may be left out', () => {
    expect(parseRequest('grants.refresh', { grantId: 'g1', extra: 1 })).toEqual({ grantId: 'g1' });
    expect(parseRequest('activity.list', undefined)).toEqual({ limit: 200 });
    expect(parseRequest('connect.start', { appId: 'a1', countries: ['sg', 'my'] })).toEqual({
      appId: 'a1',
      countries: ['sg', 'my'],
    });
    expect(parseRequest('settings.save', { reminderDays: [1, 7], junk: true })).toEqual({
      reminderDays: [7, 1],
    });
    // An empty passphrase passes: the backup core refuses it with its own named error.
    expect(parseRequest('backup.export', { passphrase: '', junk: 1 })).toEqual({
      passphrase: '',
      includeSecrets: false,
      move: false,
    });
    expect(parseRequest('backup.apply', { text: '{}', passphrase: 'p', extra: 1 })).toEqual({
      text: '{}',
      passphrase: 'p',
    });
  });

  it.each([
    ['grants.remove', {}, 'grantId'],
    ['apps.remove', { appId: 7 }, 'appId'],
    ['activity.list', { limit: 0 }, 'limit'],
    ['connect.start', { appId: 'a1', countries: ['zz'] }, 'countries'],
    ['settings.save', { refreshLeadMinutes: -1 }, 'refreshLeadMinutes'],
    ['backup.export', { passphrase: 'p', move: 'yes' }, 'move'],
    ['backup.export', { includeSecrets: true }, 'passphrase'],
    ['backup.inspect', { text: '' }, 'text'],
    ['backup.preview', { text: 'x'.repeat(MAX_BACKUP_TEXT_LENGTH + 1), passphrase: 'p' }, 'text'],
    ['backup.apply', { text: '{}' }, 'passphrase'],
  ] as const)('refuse a bad %s payload naming %s', (type, payload, field) => {
    expect(() => parseRequest(type, payload)).toThrow(
      expect.objectContaining({ code: 'invalid_input', details: { field } }),
    );
  });
});
