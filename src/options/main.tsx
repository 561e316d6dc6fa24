/** Composition root of the options page: the real worker client and Chrome's permission prompt. */
import '../ui/styles.css';
import './options.css';
import { render } from 'preact';
import { ClientProvider, createRuntimeClient } from '../ui/client';
import { createChromeHostPermissionGate } from './host-permissions';
import { OptionsPage } from './OptionsPage';

render(
  <ClientProvider client={createRuntimeClient()}>
    <OptionsPage hostPermissions={createChromeHostPermissionGate()} />
  </ClientProvider>,
  document.getElementById('app')!,
);
