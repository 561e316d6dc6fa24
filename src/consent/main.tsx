/** Composition root of the consent window: the worker client, Chrome's permission prompt, the window. */
import '../ui/styles.css';
import './consent.css';
import { render } from 'preact';
import { requestHostAccessTo } from '../ui/adapters/host-access';
import { createRuntimeClient } from '../ui/adapters/runtime-client';
import { ClientProvider } from '../ui/client';
import { ConsentPage } from './ConsentPage';

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
