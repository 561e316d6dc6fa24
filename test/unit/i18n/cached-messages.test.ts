/** The page's message cache gives exactly what the catalog gives, asking it once per message. */
import { describe, expect, it } from 'vitest';
import en from '../../../src/_locales/en/messages.json';
import fil from '../../../src/_locales/fil/messages.json';
import th from '../../../src/_locales/th/messages.json';
import type { MessageSource } from '../../../src/shared/i18n';
import { cachedMessages } from '../../../src/shared/i18n-cached';
import { catalogSource } from '../../../src/shared/i18n-catalog';

/** Account names and ids as sellers have them, some with the characters substitution uses. */
const SUBSTITUTIONS = ['shop$1@sandbox.test', '$$5 & $2', '1 Feb 2027', '7', 'x', 'y', 'z', 'w', 'v'];

function counting(source: MessageSource) {
  const calls = { message: 0, language: 0 };
  const counted: MessageSource = {
    message: (key, substitutions) => {
      calls.message += 1;
      return source.message(key, substitutions);
    },
    language: () => {
      calls.language += 1;
      return source.language();
    },
  };
  return { calls, counted };
}

describe('cachedMessages', () => {
  for (const [name, catalog] of [
    ['en', en],
    ['th', th],
    ['fil', fil],
  ] as const) {
    it(`fills every ${name} message as the catalog does, for 0 to 9 substitutions`, () => {
      const direct = catalogSource(catalog, catalog.intl_locale.message);
      const cached = cachedMessages(direct);
      for (const key of Object.keys(catalog)) {
        for (let count = 0; count <= 9; count += 1) {
          const substitutions = SUBSTITUTIONS.slice(0, count);
          expect(cached.message(key, substitutions), `${key} with ${count}`).toBe(
            direct.message(key, substitutions),
          );
        }
      }
    });
  }

  it('asks the source once per message and substitution count, and for the language once', () => {
    const { calls, counted } = counting(catalogSource(en, 'en'));
    const cached = cachedMessages(counted);
    for (const account of ['a@x', 'b@x', 'c@x']) {
      cached.message('shop_seller_id', [account]);
      cached.message('refresh_now', []);
      cached.language();
    }
    expect(cached.message('shop_seller_id', ['1001'])).toBe('Seller ID 1001');
    expect(calls).toEqual({ message: 2, language: 1 });
  });

  it('keeps an unknown message empty, as Chrome answers it', () => {
    expect(cachedMessages(catalogSource({}, 'en')).message('nope', ['1'])).toBe('');
  });
});
