import { describe, expect, it } from 'vitest';
import { isCallbackFor, parseCallback } from '../../../src/platforms/callback';
import { thrown } from '../../support/thrown';

const REDIRECT = 'https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org/';
const STATE = 'q7N1vGm3yTzK0pXo2Jd8aW5cLr9sEf4hUb6iYn';
const expected = { redirectUri: REDIRECT, state: STATE };

function callback(params: Record<string, string>, base = REDIRECT): string {
  return `${base}?${new URLSearchParams(params)}`;
}

describe('isCallbackFor', () => {
  it('matches the redirect whatever the query and hash', () => {
    expect(isCallbackFor(`${REDIRECT}?code=1&state=2#frag`, REDIRECT)).toBe(true);
  });

  it('treats the root path with and without a trailing slash alike, and the default port as absent', () => {
    expect(isCallbackFor('https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org?code=1', REDIRECT)).toBe(
      true,
    );
    expect(isCallbackFor('https://FFFNJCDAMFDMPEAFHGELPGEHAPCBEILK.chromiumapp.org:443/?x', REDIRECT)).toBe(
      true,
    );
  });

  it.each([
    ['another scheme', 'http://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org/'],
    ['another host', 'https://evil.chromiumapp.org/'],
    [
      'a host that merely starts the same',
      'https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org.evil.com/',
    ],
    ['another port', 'https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org:8443/'],
    ['another path', 'https://fffnjcdamfdmpeafhgelpgehapcbeilk.chromiumapp.org/other'],
    ['not a URL', 'not a url'],
  ])('refuses %s', (_label, url) => {
    expect(isCallbackFor(url, REDIRECT)).toBe(false);
  });

  it('distinguishes a non-root path from the same path with a trailing slash', () => {
    expect(isCallbackFor('https://tools.example.com/cb/', 'https://tools.example.com/cb')).toBe(false);
    expect(isCallbackFor('https://tools.example.com/cb?code=1', 'https://tools.example.com/cb')).toBe(true);
  });

  it('is false when the redirect itself is not a URL', () => {
    expect(isCallbackFor(REDIRECT, '')).toBe(false);
  });
});

describe('parseCallback', () => {
  it('returns the code when the state matches', () => {
    expect(parseCallback(callback({ code: '0_100132_2DL4DV3j', state: STATE }), expected)).toEqual({
      code: '0_100132_2DL4DV3j',
    });
  });

  it('refuses a URL that is not the callback', () => {
    const error = thrown(() =>
      parseCallback(callback({ code: 'c', state: STATE }, 'https://evil.example/'), expected),
    );
    expect(error.code).toBe('not_our_callback');
  });

  it.each([
    ['missing', { code: 'c' }],
    ['different', { code: 'c', state: `${STATE.slice(0, -1)}X` }],
    ['a prefix of ours', { code: 'c', state: STATE.slice(0, 30) }],
    ['ours plus more', { code: 'c', state: `${STATE}x` }],
    ['empty', { code: 'c', state: '' }],
  ])('refuses a state that is %s', (_label, params) => {
    expect(thrown(() => parseCallback(callback(params), expected)).code).toBe('state_mismatch');
  });

  it('refuses a state given twice, even if one copy is ours', () => {
    const url = `${REDIRECT}?code=c&state=${STATE}&state=attacker`;
    expect(thrown(() => parseCallback(url, expected)).code).toBe('state_mismatch');
  });

  it('refuses when no state was expected at all', () => {
    const url = `${REDIRECT}?code=c&state=`;
    expect(thrown(() => parseCallback(url, { redirectUri: REDIRECT, state: '' })).code).toBe(
      'state_mismatch',
    );
  });

  it('checks the state before trusting an error', () => {
    const error = thrown(() =>
      parseCallback(callback({ error: 'access_denied', state: 'forged' }), expected),
    );
    expect(error.code).toBe('state_mismatch');
  });

  it('reports a denial with the platform error code and a sanitized description', () => {
    const description = `User\u0000 cancelled\u001b[31m the\u202e login ${'x'.repeat(500)}`;
    const url = callback({ error: 'access_denied', error_description: description, state: STATE, code: 'c' });
    const error = thrown(() => parseCallback(url, expected));
    expect(error.code).toBe('authorization_denied');
    expect(error.details.platformCode).toBe('access_denied');
    expect(error.message).toContain('User cancelled');
    expect(error.message).not.toMatch(/[\p{Cc}\p{Cf}]/u);
    expect(error.message.length).toBeLessThan(300);
  });

  it('does not repeat a code-like value from the error description', () => {
    const url = callback({
      error: 'access_denied',
      error_description: 'bad code 0_100132_2DL4DV3jcU1UOT7W',
      state: STATE,
    });
    expect(thrown(() => parseCallback(url, expected)).message).not.toContain('2DL4DV3jcU1UOT7W');
  });

  it('keeps only identifier characters of the error code', () => {
    const url = callback({ error: 'access_denied<script>', state: STATE });
    expect(thrown(() => parseCallback(url, expected)).details.platformCode).toBe('access_deniedscript');
  });

  it.each([
    ['no code', { state: STATE }],
    ['an empty code', { state: STATE, code: '' }],
    ['a blank code', { state: STATE, code: '  ' }],
  ])('reports missing_code for %s', (_label, params) => {
    expect(thrown(() => parseCallback(callback(params), expected)).code).toBe('missing_code');
  });
});
