/// <reference types="node" />

import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildSignString, signIopRequest, withoutEmpty } from '../../../src/platforms/signing';
import type { AppSecret } from '../../../src/shared/checked';
import { appSecret } from '../../support/checked';

/** An independent signer: Node's crypto, the default (code-unit) sort, plain string building. */
function nodeSign(secret: string, apiPath: string, params: Record<string, string>): string {
  const names = Object.keys(params)
    .filter((name) => name !== 'sign' && params[name] !== '')
    .sort();
  let text = apiPath;
  for (const name of names) text += name + params[name];
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(text, 'utf8').digest('hex').toUpperCase();
}

describe('docs/protocol.md#test-vectors', () => {
  it("reproduces Lazada's published sample, string and signature", async () => {
    const params = {
      app_key: '123456',
      access_token: 'test',
      timestamp: '1517820392000',
      sign_method: 'sha256',
      order_id: '1234',
    };
    expect(buildSignString('/order/get', params)).toBe(
      '/order/getaccess_tokentestapp_key123456order_id1234sign_methodsha256timestamp1517820392000',
    );
    expect(await signIopRequest(appSecret('helloworld'), '/order/get', params)).toBe(
      '4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A',
    );
  });

  it('signs the foo/bar vector', async () => {
    const params = { foo: '1', bar: '2', foo_bar: '3', foobar: '4' };
    expect(await signIopRequest(appSecret('1234'), '/test/api', params)).toBe(
      '988085883BF9D32D251478D23122C7ECC91518CDF63BA22F792000A378F52409',
    );
  });

  it('signs the token-create vector', async () => {
    const params = {
      app_key: '123456',
      sign_method: 'sha256',
      timestamp: '1517820392000',
      code: '0_100132_2DL4DV3jcU1UOT7WGI1A4rY91',
    };
    expect(await signIopRequest(appSecret('helloworld'), '/auth/token/create', params)).toBe(
      'B1B32F5DD4CB67C8B8100B71DDAA51A65B7BCABD40CE0F6F69A33DE14089B880',
    );
  });
});

describe('buildSignString', () => {
  it('sorts by code unit, so appKey comes before app_key (localeCompare would swap them)', () => {
    expect(buildSignString('', { app_key: '1', appKey: '2' })).toBe('appKey2app_key1');
    expect(buildSignString('', { b: '1', B: '2', _: '3' })).toBe('B2_3b1');
  });

  it('drops `sign` and empty values', () => {
    expect(buildSignString('/p', { sign: 'OLD', empty: '', kept: 'x' })).toBe('/pkeptx');
  });

  it('uses raw values, not URL-encoded ones', () => {
    expect(buildSignString('/p', { q: 'a b&c=d/é' })).toBe('/pqa b&c=d/é');
  });

  it('has no prefix for AliExpress dotted /sync methods', () => {
    expect(buildSignString('', { method: 'aliexpress.solution.product.list.get', app_key: '9' })).toBe(
      'app_key9methodaliexpress.solution.product.list.get',
    );
  });
});

describe('withoutEmpty', () => {
  it('drops undefined, null and empty strings, keeping "0" and whitespace', () => {
    expect(withoutEmpty({ a: undefined, b: null, c: '', d: '0', e: ' ' })).toEqual({ d: '0', e: ' ' });
  });

  it('keeps a __proto__ parameter as a plain own parameter', () => {
    const params = JSON.parse('{"__proto__": "x", "a": "1"}') as Record<string, string>;
    const kept = withoutEmpty(params);
    expect(Object.keys(kept)).toEqual(['__proto__', 'a']);
    expect(Object.getPrototypeOf(kept)).toBe(Object.prototype);
  });
});

describe('signIopRequest', () => {
  it('matches an independent Node HMAC over random parameter sets', async () => {
    const name = fc.oneof(
      fc.constantFrom(
        'app_key',
        'appKey',
        'App_Key',
        'sign',
        'sign_method',
        'signMethod',
        'timestamp',
        'code',
      ),
      fc.constantFrom('order_id', 'orderId', 'a', 'A', '_', 'a_b', 'aB', 'Ünïcode', '名前', '😀'),
      fc.string({ minLength: 1, maxLength: 12, unit: 'binary' }),
    );
    const value = fc.oneof(fc.constant(''), fc.string({ maxLength: 24, unit: 'binary' }));
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 32, unit: 'binary' }),
        fc.constantFrom('', '/auth/token/create', '/auth/token/refresh', '/order/get'),
        fc.dictionary(name, value, { maxKeys: 12 }),
        async (secret, apiPath, params) => {
          // Any non-empty text keys the HMAC: this tests signing, not what a person may save.
          expect(await signIopRequest(secret as AppSecret, apiPath, params)).toBe(
            nodeSign(secret, apiPath, params),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('changes when a parameter value changes but not when `sign` or an empty value is added', async () => {
    const base = { app_key: '1', timestamp: '2' };
    const signature = await signIopRequest(appSecret('s'), '/p', base);
    expect(await signIopRequest(appSecret('s'), '/p', { ...base, sign: 'ANY', extra: '' })).toBe(signature);
    expect(await signIopRequest(appSecret('s'), '/p', { ...base, timestamp: '3' })).not.toBe(signature);
  });
});
