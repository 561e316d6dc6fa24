/** Composition root of the consent window: the worker client, Chrome's permission prompt, the window. */
import '../ui/styles.css';
import './consent.css';
import { render } from 'preact';
import { installMessages, uiLanguage } from '../shared/i18n';
import { chromeMessages } from '../ui/adapters/chrome-messages';
import { requestHostAccessTo } from '../ui/adapters/host-access';
import { createRuntimeClient } from '../ui/adapters/runtime-client';
import { ClientProvider } from '../ui/client';
import { ConsentPage } from './ConsentPage';

installMessages(chromeMessages);
document.documentElement.lang = uiLanguage();

render(
  <ClientProvider client={createRuntimeClient()}>
    <ConsentPage
      requestId={new URLSearchParams(location.search).get('id') ?? ''}
      requestHostAccess={requestHostAccessTo}
      closeWindow={() => window.close()}
    />
  </ClientProvider>,
  document.getElementById('app')!,
);
