/** A worker thread of `npm run simulate`: runs the simulations it is sent, one at a time, and posts each result. */
import { parentPort } from 'node:worker_threads';
import en from '../src/_locales/en/messages.json';
import { installMessages } from '../src/shared/i18n';
import { catalogSource } from '../src/shared/i18n-catalog';
import { type RunOptions, runSimulation } from './run-simulation';

// The extension's notifications, read by the book, in English.
installMessages(catalogSource(en, en.intl_locale.message));

parentPort?.on('message', (options: RunOptions) => {
  runSimulation(options).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (error: unknown) =>
      parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) }),
  );
});
