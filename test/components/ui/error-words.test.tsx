import { describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorData, isRetryable, nextActionFor } from '../../../src/shared/errors';
import { describeError } from '../../../src/ui/error-words';

const LABELS = {
  retry: 'Try again',
  reauthorize: 'Authorize again',
  settings: 'Open settings',
  allow_access: 'Allow access',
} as const;
const PLATFORM_BLOB = '{"type":"ISV","code":"IllegalRefreshToken","message":"x","request_id":"0ba2"}';

function errorOf(code: ErrorData['code'], extra: Partial<ErrorData> = {}): ErrorData {
  return { code, message: PLATFORM_BLOB, retryable: isRetryable(code), ...extra };
}

describe('describeError', () => {
  it.each(ERROR_CODES)('gives %s a title, a detail and the next action with its label', (code) => {
    const words = describeError(errorOf(code));
    expect(words.title.length).toBeGreaterThan(3);
    expect(words.detail.length).toBeGreaterThan(10);
    expect(words.action).toBe(nextActionFor(code));
    expect(words.actionLabel).toBe(words.action === 'none' ? undefined : LABELS[words.action]);
  });

  it('never shows a platform JSON blob for platform errors', () => {
    const platformCodes = ERROR_CODES.filter((code) => code !== 'invalid_input' && code !== 'internal');
    for (const code of platformCodes) {
      const { title, detail } = describeError(errorOf(code));
      expect(`${title} ${detail}`).not.toContain('{');
    }
  });

  it('passes on the worker message for form input and internal errors, which are written for people', () => {
    const invalid = describeError({
      code: 'invalid_input',
      message: 'App key is required.',
      retryable: false,
    });
    expect(invalid.detail).toBe('App key is required.');
    expect(describeError({ code: 'internal', message: '', retryable: false }).detail).toMatch(/unexpected/);
  });

  it('says how long to wait when the platform gave a rate-limit hint', () => {
    expect(describeError(errorOf('rate_limited', { retryAfterMs: 1000 })).detail).toContain('1 second.');
    expect(describeError(errorOf('rate_limited', { retryAfterMs: 2500 })).detail).toContain('3 seconds');
    expect(describeError(errorOf('rate_limited')).detail).toContain('shortly');
  });
});
