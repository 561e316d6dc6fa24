/** Composition root of the options page: the real worker client and Chrome's permission prompt. */
import '../ui/styles.css';
import './options.css';
import { render } from 'preact';
import { installMessages, t, uiLanguage } from '../shared/i18n';
import { chromeMessages } from '../ui/adapters/chrome-messages';
import { createRuntimeClient } from '../ui/adapters/runtime-client';
import { ClientProvider } from '../ui/client';
import { createChromeHostPermissionGate } from './adapters/host-permission-gate';
import { OptionsPage } from './OptionsPage';

installMessages(chromeMessages);
document.documentElement.lang = uiLanguage();
document.title = t('options_title');

render(
  <ClientProvider client={createRuntimeClient()}>
    <OptionsPage hostPermissions={createChromeHostPermissionGate()} />
  </ClientProvider>,
  document.getElementById('app')!,
);
