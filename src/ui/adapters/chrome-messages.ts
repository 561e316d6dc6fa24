/**
 * Chrome's catalog for the language Chrome runs in (`_locales/`, English where it has none). The
 * worker's notifications read it too. `intl_locale` is the catalog's own tag, so dates follow the
 * catalog chosen rather than a browser language Seller Auth has no words for.
 */
import type { MessageSource } from '../../shared/i18n';
import { cachedMessages } from '../../shared/i18n-cached';

export const chromeMessages: MessageSource = cachedMessages({
  message: (key, substitutions) => chrome.i18n.getMessage(key, [...substitutions]),
  language: () => chrome.i18n.getMessage('intl_locale') || 'en',
});
