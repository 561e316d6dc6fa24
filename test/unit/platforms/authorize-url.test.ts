/// <reference types="node" />
import { describe, expect, it } from 'vitest';
import { type AuthorizeUrlInput, buildAuthorizeUrl, createState } from '../../../src/platforms/authorize-url';
import { SellerAuthError } from '../../../src/shared/errors';
import { thrown } from '../../support/thrown';

const STATE = 'q7N1vGm3yTzK0pXo2Jd8aW5cLr9sEf4hUb6iYn';
const lazadaInput: AuthorizeUrlInput = {
  platform: 'lazada',
  authorizeUrl: 'https://auth.lazada.com/oauth/authorize',
  appKey: '123456',
  redirectUri: 'https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org/',
  state: STATE,
};
const aliexpressInput: AuthorizeUrlInput = {
  ...lazadaInput,
  platform: 'aliexpress',
  authorizeUrl: 'https://api-sg.aliexpress.com/oauth/authorize',
};

function query(url: string): URLSearchParams {
  return new URL(url).searchParams;
}

describe('createState', () => {
  it('is 32 random bytes in base64url without padding', () => {
    const state = createState();
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(state, 'base64url')).toHaveLength(32);
  });

  it('is different every time', () => {
    const states = new Set(Array.from({ length: 200 }, createState));
    expect(states.size).toBe(200);
  });
});

describe('buildAuthorizeUrl', () => {
  it('builds the Lazada URL with every required parameter and a fresh login by default', () => {
    const url = buildAuthorizeUrl(lazadaInput);
    expect(url.startsWith('https://auth.lazada.com/oauth/authorize?')).toBe(true);
    expect(Object.fromEntries(query(url))).toEqual({
      response_type: 'code',
      client_id: '123456',
      redirect_uri: 'https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org/',
      force_auth: 'true',
      state: STATE,
    });
  });

  it('sends force_auth=false when asked', () => {
    expect(query(buildAuthorizeUrl({ ...lazadaInput, forceAuth: false })).get('force_auth')).toBe('false');
  });

  it('sends the redirect URI exactly as registered', () => {
    const redirectUri = 'https://seller-tools.example.com/callback?app=1';
    expect(query(buildAuthorizeUrl({ ...lazadaInput, redirectUri })).get('redirect_uri')).toBe(redirectUri);
    const bare = 'https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org';
    expect(query(buildAuthorizeUrl({ ...lazadaInput, redirectUri: bare })).get('redirect_uri')).toBe(bare);
  });

  it('lists Lazada countries once each, in the platform order', () => {
    const url = buildAuthorizeUrl({ ...lazadaInput, countries: ['cb', 'sg', 'my', 'sg'] });
    expect(query(url).get('country')).toBe('sg,my,cb');
  });

  it('omits country when none is picked', () => {
    expect(query(buildAuthorizeUrl({ ...lazadaInput, countries: [] })).has('country')).toBe(false);
  });

  it('refuses a country Lazada does not offer', () => {
    const error = thrown(() =>
      buildAuthorizeUrl({ ...lazadaInput, countries: ['sg', 'xx' as unknown as 'sg'] }),
    );
    expect(error).toMatchObject({ code: 'invalid_input', details: { field: 'countries' } });
  });

  it('never sends uuid for Lazada, even if the configured URL carries one', () => {
    const url = buildAuthorizeUrl({
      ...lazadaInput,
      authorizeUrl: 'https://auth.lazada.com/oauth/authorize?uuid=abc',
    });
    expect(query(url).has('uuid')).toBe(false);
  });

  it('keeps the query of a configured URL (a sandbox selecting its platform)', () => {
    const url = buildAuthorizeUrl({
      ...lazadaInput,
      authorizeUrl: 'http://127.0.0.1:8787/oauth/authorize?site=lazada',
    });
    expect(url.startsWith('http://127.0.0.1:8787/oauth/authorize?')).toBe(true);
    expect(query(url).get('site')).toBe('lazada');
    expect(query(url).get('client_id')).toBe('123456');
  });

  it('ignores countries for AliExpress', () => {
    const url = buildAuthorizeUrl({ ...aliexpressInput, countries: ['sg', 'cb'] });
    expect(url.startsWith('https://api-sg.aliexpress.com/oauth/authorize?')).toBe(true);
    expect(query(url).has('country')).toBe(false);
    expect(query(url).get('client_id')).toBe('123456');
  });

  it('refuses a state shorter than 22 characters and accepts 22', () => {
    const error = thrown(() => buildAuthorizeUrl({ ...lazadaInput, state: 'a'.repeat(21) }));
    expect(error).toBeInstanceOf(SellerAuthError);
    expect(error).toMatchObject({ code: 'invalid_input', details: { field: 'state' } });
    expect(query(buildAuthorizeUrl({ ...lazadaInput, state: 'a'.repeat(22) })).get('state')).toBe(
      'a'.repeat(22),
    );
  });

  it('refuses an app key that is not a Lazada key', () => {
    const error = thrown(() => buildAuthorizeUrl({ ...lazadaInput, appKey: 'abc123' }));
    expect(error).toMatchObject({ code: 'invalid_input', details: { field: 'appKey' } });
  });

  it('refuses a plain-http callback outside loopback, and a relative authorize URL', () => {
    expect(
      thrown(() => buildAuthorizeUrl({ ...lazadaInput, redirectUri: 'http://example.com/cb' })),
    ).toMatchObject({
      code: 'invalid_input',
      details: { field: 'callbackUrl' },
    });
    expect(
      thrown(() => buildAuthorizeUrl({ ...lazadaInput, authorizeUrl: '/oauth/authorize' })),
    ).toMatchObject({
      code: 'invalid_input',
      details: { field: 'authorizeUrl' },
    });
  });
});
