import { describe, expect, it } from 'vitest';
import { iopSign, iopSigningString } from '../../sandbox/index';

const params = (entries: Record<string, string>) => new Map(Object.entries(entries));

describe('iopSign (docs/protocol.md#test-vectors)', () => {
  it("matches Lazada's published sample, string and signature", () => {
    const sample = params({
      app_key: '123456',
      access_token: 'test',
      timestamp: '1517820392000',
      sign_method: 'sha256',
      order_id: '1234',
    });
    expect(iopSigningString('/order/get', sample)).toBe(
      '/order/getaccess_tokentestapp_key123456order_id1234sign_methodsha256timestamp1517820392000',
    );
    expect(iopSign('/order/get', sample, 'helloworld')).toBe(
      '4190D32361CFB9581350222F345CB77F3B19F0E31D162316848A2C1FFD5FAB4A',
    );
  });

  it('sorts foo, foo_bar, foobar in code-unit order', () => {
    const sample = params({ foo: '1', bar: '2', foo_bar: '3', foobar: '4' });
    expect(iopSign('/test/api', sample, '1234')).toBe(
      '988085883BF9D32D251478D23122C7ECC91518CDF63BA22F792000A378F52409',
    );
  });

  it('signs a token create call with its API path', () => {
    const sample = params({
      app_key: '123456',
      sign_method: 'sha256',
      timestamp: '1517820392000',
      code: '0_100132_2DL4DV3jcU1UOT7WGI1A4rY91',
    });
    expect(iopSign('/auth/token/create', sample, 'helloworld')).toBe(
      'B1B32F5DD4CB67C8B8100B71DDAA51A65B7BCABD40CE0F6F69A33DE14089B880',
    );
  });

  it('puts appKey before app_key (code units), unlike localeCompare', () => {
    expect(iopSigningString('/p', params({ app_key: '1', appKey: '2' }))).toBe('/pappKey2app_key1');
  });

  it('leaves out the sign param and empty params', () => {
    expect(iopSigningString('/p', params({ b: '2', sign: 'X', empty: '', a: '1' }))).toBe('/pa1b2');
  });
});
