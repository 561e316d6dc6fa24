/**
 * Plain http to loopback is a sandbox-build feature: the store build defines
 * `__SELLER_AUTH_LOOPBACK_HTTP__` false (vite.config.ts), tests and Node tools leave it undefined.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import en from '../../../src/_locales/en/messages.json';

async function parserWithFlag(flag: boolean | undefined) {
  vi.resetModules();
  if (flag !== undefined) vi.stubGlobal('__SELLER_AUTH_LOOPBACK_HTTP__', flag);
  // The fresh module graph has its own `t`: it reads English, as the setup file's does.
  const [{ installMessages }, { catalogSource }] = await Promise.all([
    import('../../../src/shared/i18n'),
    import('../../../src/shared/i18n-catalog'),
  ]);
  installMessages(catalogSource(en, en.intl_locale.message));
  return (await import('../../../src/platforms/endpoint-url')).parseEndpointUrl;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('parseEndpointUrl and loopback http', () => {
  it.each([[undefined], [true]])(
    'accepts http on 127.0.0.1, localhost and [::1] when the flag is %s',
    async (flag) => {
      const parse = await parserWithFlag(flag);
      for (const url of ['http://127.0.0.1:8787/cb', 'http://localhost:8787/cb', 'http://[::1]:8787/cb']) {
        expect(parse(url, 'callbackUrl').href).toBe(url);
      }
    },
  );

  it('refuses every plain http URL in the store build, without mentioning loopback', async () => {
    const parse = await parserWithFlag(false);
    for (const url of ['http://127.0.0.1:8787/cb', 'http://localhost/cb', 'http://[::1]/cb']) {
      // A fresh module graph: its SellerAuthError is not the one a static import would see.
      expect(() => parse(url, 'tokenCreateUrl')).toThrow(
        expect.objectContaining({
          code: 'invalid_input',
          details: { field: 'tokenCreateUrl' },
          message: 'The token URL must use https.',
        }),
      );
    }
    expect(parse('https://auth.lazada.com/rest', 'tokenCreateUrl').hostname).toBe('auth.lazada.com');
  });
});
