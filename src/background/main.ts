/** The service worker's entry (the manifest points here). The wiring lives in ./wiring. */
import { systemClock } from './adapters/system-clock';
import { installDebugHook } from './wiring/debug-hook';
import { startServiceWorker } from './wiring/service-worker';

const { stores } = startServiceWorker();

// The sandbox build only: `MODE` is a build-time constant, so the store build drops the hook entirely.
// A static import, not import(): service workers may not import dynamically.
if (import.meta.env.MODE === 'sandbox') installDebugHook(stores, systemClock);
