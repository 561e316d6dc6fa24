/**
 * The service worker's composition root: real adapters in, every listener registered synchronously,
 * and a catch-up on every start. The database opens lazily, once, on the first store call.
 */
import {
  connectSellerAuthDb,
  createStores,
  createToolAccessStore,
  type DbSource,
  type SellerAuthDbConnection,
  type Stores,
} from '../../grants/store';
import { createTokenClient } from '../../platforms/token-client';
import { createBrowserAdapters, listenToBrowser } from '../adapters/browser';
import { systemClock } from '../adapters/system-clock';
import { DEFAULT_FLOW_TIMEOUT_MS } from './deps';
import { logFailure } from './log-failure';
import { createWorker, type Worker } from './worker';

/**
 * A shorter login timeout baked into a sandbox build for browser tests (`SELLER_AUTH_FLOW_TIMEOUT_MS`,
 * scripts/build-flags.ts); null in every other build, undefined outside vite.
 */
declare const __SELLER_AUTH_FLOW_TIMEOUT_MS__: number | null | undefined;
const FLOW_TIMEOUT_MS =
  typeof __SELLER_AUTH_FLOW_TIMEOUT_MS__ === 'number'
    ? __SELLER_AUTH_FLOW_TIMEOUT_MS__
    : DEFAULT_FLOW_TIMEOUT_MS;

export interface ServiceWorkerOptions {
  /** The sandbox build's storage fault switch goes between the stores and the database. */
  wrapDb?: (connection: SellerAuthDbConnection) => DbSource;
}

export function startServiceWorker(options: ServiceWorkerOptions = {}): { stores: Stores; worker: Worker } {
  const connection = connectSellerAuthDb();
  const db = options.wrapDb ? options.wrapDb(connection) : connection;
  const stores = createStores(db);
  const adapters = createBrowserAdapters();
  const worker = createWorker({
    ...adapters,
    stores,
    toolAccess: createToolAccessStore(db),
    tokens: createTokenClient({ clock: systemClock }),
    clock: systemClock,
    flowTimeoutMs: FLOW_TIMEOUT_MS,
  });
  listenToBrowser(worker, adapters.extension);
  // Every worker start, whatever woke it: grants may have come due while the browser was closed.
  worker.catchUp().catch(logFailure('catch-up'));
  return { stores, worker };
}
