/**
 * Tests read the words the English catalog gives, through the same `t` the extension uses (there it
 * is Chrome's `chrome.i18n`). A test of another language installs that catalog itself.
 */
import en from '../../src/_locales/en/messages.json';
import { installMessages } from '../../src/shared/i18n';
import { catalogSource } from '../../src/shared/i18n-catalog';

installMessages(catalogSource(en, en.intl_locale.message));
