/**
 * A sandbox build of its own, with build-time settings (scripts/build-flags.ts) the shared
 * dist-sandbox/ must not carry: a short login timeout, for the tests of what a timeout closes.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const ROOT = resolve(import.meta.dirname, '../..');
const VITE = join(ROOT, 'node_modules/vite/bin/vite.js');

export interface SandboxBuild {
  dir: string;
  remove(): Promise<void>;
}

export async function buildSandboxVariant(env: Record<string, string>): Promise<SandboxBuild> {
  const dir = await mkdtemp(join(tmpdir(), 'seller-auth-build-'));
  // Whatever the test runner set: a test NODE_ENV would bundle Preact's debug code.
  const { NODE_ENV: _nodeEnv, ...inherited } = process.env;
  await promisify(execFile)(
    process.execPath,
    [VITE, 'build', '--mode', 'sandbox', '--outDir', dir, '--emptyOutDir', '--logLevel', 'warn'],
    { cwd: ROOT, env: { ...inherited, ...env } },
  );
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}
