/** Popup entry: the real worker client and browser actions, and the deep-linked shop if any. */
import '../ui/styles.css';
import { render } from 'preact';
import { installMessages, uiLanguage } from '../shared/i18n';
import { chromeMessages } from '../ui/adapters/chrome-messages';
import { createRuntimeClient } from '../ui/adapters/runtime-client';
import { ClientProvider } from '../ui/client';
import { App } from './App';
import { grantIdFromSearch } from './deep-link';

installMessages(chromeMessages);
document.documentElement.lang = uiLanguage();

render(
  <ClientProvider client={createRuntimeClient()}>
    <App focusGrantId={grantIdFromSearch(location.search)} />
  </ClientProvider>,
  document.getElementById('app')!,
);
