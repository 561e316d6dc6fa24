import { describe, expect, it } from 'vitest';
import { classifyPlatformError, platformErrorFromBody } from '../../../src/platforms/platform-error';
import type { ErrorCode } from '../../../src/shared/errors';

describe('classifyPlatformError', () => {
  it.each<[string, ErrorCode]>([
    ['ApiCallLimit', 'rate_limited'],
    ['AppCallLimit', 'rate_limited'],
    ['ServiceTimeout', 'service_timeout'],
    ['InvalidTimestamp', 'clock_skew'],
    ['InvalidCode', 'invalid_code'],
    ['IllegalRefreshToken', 'refresh_token_invalid'],
    ['AUTH_TYPE_UNSUPPORTED', 'refresh_unsupported'],
    ['IllegalAccessToken', 'access_token_invalid'],
    ['IncompleteSignature', 'signature_rejected'],
    ['MissingParameter', 'missing_parameter'],
    ['InvalidAppKey', 'app_rejected'],
    ['AppWhiteIpLimit', 'app_rejected'],
    ['InvalidApiPath', 'app_rejected'],
    ['SomethingNew', 'platform_error'],
  ])('maps %s to %s and keeps the platform code', (platformCode, code) => {
    const error = classifyPlatformError(platformCode, 'whatever', {});
    expect(error.code).toBe(code);
    expect(error.details.platformCode).toBe(platformCode);
    expect(error.message).toContain(`[${platformCode}]`);
  });

  it('matches codes regardless of case, separators and an isv-style prefix', () => {
    expect(classifyPlatformError('isv.missing-parameter', undefined, {}).code).toBe('missing_parameter');
    expect(classifyPlatformError('auth_type_unsupported', undefined, {}).code).toBe('refresh_unsupported');
    expect(classifyPlatformError('illegalrefreshtoken', undefined, {}).code).toBe('refresh_token_invalid');
  });

  it('speaks in our words for known codes, never repeating the platform text', () => {
    const error = classifyPlatformError(
      'IllegalRefreshToken',
      'refresh token 500016000300bwa2WteaQ is bad',
      {},
    );
    expect(error.message).toMatch(/^The platform refused the refresh token/);
    expect(error.message).not.toContain('500016000300bwa2WteaQ');
  });

  it('reads the ban length of a rate limit into retryAfterMs', () => {
    const error = classifyPlatformError(
      'ApiCallLimit',
      'The request has exceeded the limit, this ban will last 3 seconds',
      {},
    );
    expect(error.details.retryAfterMs).toBe(3000);
    expect(classifyPlatformError('ApiCallLimit', 'limit reached', {}).details.retryAfterMs).toBeUndefined();
    expect(
      classifyPlatformError('SomethingNew', 'this ban will last 3 seconds', {}).details.retryAfterMs,
    ).toBeUndefined();
  });

  it('shows unknown errors with the platform text sanitized, capped and without tokens', () => {
    const token = '50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg';
    const error = classifyPlatformError('Weird', `Bad\u0007 thing for ${token} ${'y '.repeat(300)}`, {});
    expect(error.code).toBe('platform_error');
    expect(error.message).toContain('Bad thing for [redacted]');
    expect(error.message).not.toContain(token);
    expect(error.message).not.toContain('\u0007');
    expect(error.message.length).toBeLessThan(220);
  });

  it('keeps the HTTP status and a sanitized request id', () => {
    const error = classifyPlatformError('InvalidCode', undefined, {
      httpStatus: 400,
      requestId: '0ba28873<b>',
    });
    expect(error.toData()).toMatchObject({
      httpStatus: 400,
      requestId: '0ba28873b',
      platformCode: 'InvalidCode',
    });
  });

  it('sanitizes a hostile platform code', () => {
    expect(classifyPlatformError('<img src=x>', undefined, {}).details.platformCode).toBe('imgsrcx');
    expect(classifyPlatformError('%%%', undefined, {}).details.platformCode).toBe('unknown');
  });
});

describe('platformErrorFromBody', () => {
  it.each([
    ['code "0"', { code: '0', access_token: 't' }],
    ['code 0', { code: 0 }],
    ['no code', { access_token: 't' }],
    ['null', null],
    ['an array', [{ code: 'InvalidCode' }]],
    ['a string', 'InvalidCode'],
  ])('is undefined for %s', (_label, body) => {
    expect(platformErrorFromBody(body, 200)).toBeUndefined();
  });

  it('recognizes the IOP shape', () => {
    const body = {
      type: 'ISV',
      code: 'IllegalRefreshToken',
      message: 'Invalid refresh token',
      request_id: '0ba2887315178178',
    };
    const error = platformErrorFromBody(body, 200);
    expect(error?.toData()).toMatchObject({
      code: 'refresh_token_invalid',
      platformCode: 'IllegalRefreshToken',
      requestId: '0ba2887315178178',
      httpStatus: 200,
    });
  });

  it('recognizes the AliExpress error_response shape', () => {
    const body = {
      error_response: { code: 'ApiCallLimit', msg: 'this ban will last 1 seconds', request_id: 'r1' },
    };
    expect(platformErrorFromBody(body, 400)?.toData()).toMatchObject({
      code: 'rate_limited',
      retryAfterMs: 1000,
      requestId: 'r1',
      httpStatus: 400,
    });
  });

  it('classifies by sub_code when code is a bare number', () => {
    const body = { error_response: { code: 15, msg: 'Remote service error', sub_code: 'isv.InvalidCode' } };
    const error = platformErrorFromBody(body, 200);
    expect(error?.code).toBe('invalid_code');
    expect(error?.details.platformCode).toBe('isv.InvalidCode');
  });

  it('keeps an unknown error_response code as platform_error', () => {
    const error = platformErrorFromBody({ error_response: { code: 27, msg: 'Invalid session' } }, 200);
    expect(error?.code).toBe('platform_error');
    expect(error?.details.platformCode).toBe('27');
  });
});
