/** A worker thread of `npm run simulate`: runs the simulations it is sent, one at a time, and posts each result. */
import { parentPort } from 'node:worker_threads';
import { type RunOptions, runSimulation } from './run-simulation';

parentPort?.on('message', (options: RunOptions) => {
  runSimulation(options).then(
    (result) => parentPort?.postMessage({ ok: true, result }),
    (error: unknown) =>
      parentPort?.postMessage({ ok: false, error: error instanceof Error ? error.stack : String(error) }),
  );
});
