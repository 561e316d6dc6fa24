/**
 * `npm run simulate`: 180 days, 200 shops, four browser patterns, two refresh policies, every fault.
 * Prints one table and writes `bench/results/simulation.json`. Knobs: SIM_SEED (1), SIM_DAYS (180),
 * SIM_SHOPS (200), SIM_THREADS (one per core, at most the 8 runs). Each run is independent and
 * deterministic, so the runs share out over worker threads. Timings are printed, never judged.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PATTERNS } from './availability';
import { resultsJson, summaryTable } from './report';
import { ALL_FAULTS, type PolicyName, type RunOptions, type RunResult } from './run-simulation';

const POLICIES: readonly PolicyName[] = ['lead_30_min', 'keep_3_days'];

function wholeNumber(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  if (!/^\d+$/.test(text)) throw new Error(`${name} must be a whole number, got "${text}"`);
  return Number(text);
}

async function main(): Promise<void> {
  const seed = wholeNumber('SIM_SEED', 1);
  const days = wholeNumber('SIM_DAYS', 180);
  const shops = wholeNumber('SIM_SHOPS', 200);
  const jobs: RunOptions[] = PATTERNS.flatMap((pattern) =>
    POLICIES.map((policy) => ({ seed, days, shops, pattern, policy, faults: ALL_FAULTS })),
  );
  const threads = Math.max(1, Math.min(jobs.length, wholeNumber('SIM_THREADS', availableParallelism())));
  console.log(`${jobs.length} runs of ${days} days, ${shops} shops, on ${threads} thread(s)`);
  const started = performance.now();
  const results = await runAll(jobs, threads);
  const wallSeconds = (performance.now() - started) / 1000;
  console.log(
    `\n${days} days, ${shops} shops, seed ${seed}, all faults; ${wallSeconds.toFixed(1)} s in all\n`,
  );
  console.log(summaryTable(results));

  const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'bench', 'results', 'simulation.json');
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, resultsJson(results, { seed, days, shops, faults: ALL_FAULTS, wallSeconds }));
  console.log(`\nwritten to ${out}`);

  // Under the new policy no grant may die that a refresh could have saved, and no reminder may be
  // skipped or repeated. A grant that died of a dropped answer is reported apart: the platform rotated
  // the pair and never sent it, so no client could have kept it (it ends as `refresh_interrupted`).
  const newPolicy = results.filter((result) => result.options.policy === 'keep_3_days');
  const broken = newPolicy.filter(
    (result) =>
      result.reminders.skipped > 0 || result.reminders.repeated > 0 || result.avoidableLosses.total > 0,
  );
  if (broken.length > 0) {
    console.log(
      `\n${broken.length} run(s) of the new policy lost grants it could have saved or skipped reminders.`,
    );
    process.exitCode = 1;
  }
}

/** Runs the jobs over `threads` worker threads; results in the order of the jobs. */
async function runAll(jobs: readonly RunOptions[], threads: number): Promise<RunResult[]> {
  const results: RunResult[] = new Array(jobs.length);
  let next = 0;
  const thread = async () => {
    const worker = new Worker(new URL('./run-worker-entry.mjs', import.meta.url));
    try {
      while (next < jobs.length) {
        const index = next++;
        const job = jobs[index] as RunOptions;
        const answer = await new Promise<{ ok: true; result: RunResult } | { ok: false; error: string }>(
          (resolve, reject) => {
            worker.once('message', resolve);
            worker.once('error', reject);
            worker.postMessage(job);
          },
        );
        worker.removeAllListeners('error');
        if (!answer.ok) throw new Error(`${job.pattern} / ${job.policy}: ${answer.error}`);
        console.log(`  ${job.pattern} / ${job.policy}: ${(answer.result.wallMs / 1000).toFixed(1)} s`);
        results[index] = answer.result;
      }
    } finally {
      await worker.terminate();
    }
  };
  await Promise.all(Array.from({ length: threads }, thread));
  return results;
}

main().catch((error: unknown) => {
  console.error('simulate: failed:', error);
  process.exit(1);
});
