/** The service worker's entry (the manifest points here). The wiring lives in ./wiring. */
import { installMessages } from '../shared/i18n';
import { chromeMessages } from '../ui/adapters/chrome-messages';
import { sessionValue } from './adapters/browser';
import { systemClock } from './adapters/system-clock';
import { installDebugHook } from './wiring/debug-hook';
import { startServiceWorker } from './wiring/service-worker';
import { createStorageFault } from './wiring/storage-fault';

// The sandbox build only: `MODE` is a build-time constant, so the store build drops the hook and the
// storage fault switch entirely. Static imports, not import(): service workers may not import dynamically.
// Notifications speak the browser's language too.
installMessages(chromeMessages);

const storageFault =
  import.meta.env.MODE === 'sandbox'
    ? createStorageFault(sessionValue('seller-auth:debug:storage-fault', (raw) => raw === true))
    : undefined;

const { stores, worker } = startServiceWorker(storageFault ? { wrapDb: storageFault.wrap } : {});

if (import.meta.env.MODE === 'sandbox') {
  installDebugHook({ stores, worker, clock: systemClock, ...(storageFault ? { storageFault } : {}) });
}
