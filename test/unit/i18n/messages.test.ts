/** `t`, plurals and formats over a catalog read the way Chrome reads it. */
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../src/_locales/en/messages.json';
import fil from '../../../src/_locales/fil/messages.json';
import th from '../../../src/_locales/th/messages.json';
import zh from '../../../src/_locales/zh_CN/messages.json';
import { formatDate } from '../../../src/shared/dates';
import { installMessages, type MessageKey, t, tPlural } from '../../../src/shared/i18n';
import { catalogSource, fillMessage } from '../../../src/shared/i18n-catalog';
import { durationWords, relativeTime } from '../../../src/ui/time-words';

const english = () => installMessages(catalogSource(en, en.intl_locale.message));
afterEach(english);

describe('fillMessage', () => {
  it('fills named placeholders through their numbers, in the order the message needs', () => {
    const entry = {
      message: '$when$: $Who$ pays $$5',
      placeholders: { who: { content: '$1' }, when: { content: '$2' } },
    };
    expect(fillMessage(entry, ['Ana', 'Monday'])).toBe('Monday: Ana pays $5');
  });

  it('leaves an unknown placeholder as it is and a missing substitution empty', () => {
    expect(fillMessage({ message: '$nope$ and $1.' }, [])).toBe('$nope$ and .');
  });
});

describe('t', () => {
  it('reads the installed catalog, with substitutions', () => {
    expect(t('shop_seller_id', '1001')).toBe('Seller ID 1001');
    installMessages(catalogSource(th, th.intl_locale.message));
    expect(t('shop_seller_id', '1001')).toBe('รหัสผู้ขาย 1001');
  });

  it('shows the key of a message the catalog lacks, never an empty line', () => {
    installMessages(catalogSource({}, 'en'));
    expect(t('health_connected')).toBe('health_connected');
  });
});

describe('tPlural', () => {
  it('picks "one" by the language\'s rules, not by count === 1', () => {
    const forms = (count: number) => tPlural('error_rate_limited_wait', count);
    expect(forms(1)).toContain('1 second.');
    expect(forms(2)).toContain('2 seconds.');
    installMessages(catalogSource(fil, fil.intl_locale.message));
    // Filipino: 1, 2, 3, 5, 7, 8 take the "one" form; 4, 6, 9 the other.
    expect(forms(2)).toBe(fil.error_rate_limited_wait_one.message.replace('$count$', '2'));
    expect(forms(6)).toBe(fil.error_rate_limited_wait_other.message.replace('$count$', '6'));
  });

  it('has a form for every key the type allows', () => {
    for (const key of Object.keys(en).filter((name) => name.endsWith('_one'))) {
      expect(t(key.replace(/_one$/, '_other') as MessageKey)).not.toBe(key);
    }
  });
});

describe('formats follow the installed catalog', () => {
  const at = new Date(2027, 0, 12, 14, 5).getTime();

  it('writes dates, spans and relative times in that language', () => {
    expect(formatDate(at)).toBe('12 Jan 2027, 14:05');
    expect(durationWords(3 * 86_400_000)).toBe('3 days');
    installMessages(catalogSource(zh, zh.intl_locale.message));
    expect(formatDate(at)).toBe('2027年1月12日 14:05');
    expect(durationWords(3 * 86_400_000)).toBe('3天');
    expect(relativeTime(at + 3 * 3_600_000, at)).toBe('3小时后');
    installMessages(catalogSource(th, th.intl_locale.message));
    // The Thai calendar counts Buddhist years.
    expect(formatDate(at)).toContain('2570');
  });
});
