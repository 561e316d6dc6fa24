/**
 * The real `npm run package`, twice, into two fresh directories: the zips must be byte-identical, and
 * what they hold must be what the Chrome Web Store accepts and nothing the store build must not ship.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sourceManifest from '../../manifest.json' with { type: 'json' };
import { DEMO_SELLER_LIST, demoApps } from '../../sandbox/index';
import { PATHS } from '../../sandbox/server';
import { manifestReferences } from '../package-references';
import { readZip, type ZipEntry } from './read-zip';

const ROOT = resolve(import.meta.dirname, '../..');
const ZIP_NAME = `seller-auth-${sourceManifest.version}.zip`;

let work: string;
let first: Buffer;
let second: Buffer;
let entries: ZipEntry[];

/** Runs the package script as `npm run package` does, outside vitest's NODE_ENV=test. */
async function runPackage(dir: string): Promise<Buffer> {
  const { NODE_ENV: _nodeEnv, SELLER_AUTH_PUBLIC_KEY: _key, ...env } = process.env;
  await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/package.ts',
      '--out-dir',
      join(dir, 'dist'),
      '--release-dir',
      join(dir, 'release'),
    ],
    { cwd: ROOT, env },
  );
  return readFile(join(dir, 'release', ZIP_NAME));
}

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'seller-auth-package-'));
  first = await runPackage(join(work, 'one'));
  second = await runPackage(join(work, 'two'));
  entries = readZip(first);
}, 120_000);

afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

/** The zip entries whose name or contents match: a failure names the files, not the whole bundle. */
function filesContaining(pattern: string | RegExp): string[] {
  const matches = (text: string) =>
    typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text);
  return entries
    .filter((entry) => matches(entry.name) || matches(entry.data.toString('utf8')))
    .map((entry) => entry.name);
}

describe('npm run package', () => {
  it('gives byte-identical zips from two builds', () => {
    expect(first.length).toBeGreaterThan(10_000);
    expect(first.equals(second)).toBe(true);
  });

  it('holds the unpacked store build, with the manifest at the root and without its key', async () => {
    const manifest = JSON.parse(entries.find((entry) => entry.name === 'manifest.json')!.data.toString());
    expect(manifest).not.toHaveProperty('key');
    expect(manifest.version).toBe(sourceManifest.version);
    expect(manifest.permissions).toEqual(sourceManifest.permissions);
    const unpacked = JSON.parse(await readFile(join(work, 'one', 'dist', 'manifest.json'), 'utf8'));
    expect(unpacked.key).toBe(sourceManifest.key);

    const names = entries.map((entry) => entry.name);
    expect(names).toEqual([...names].sort());
    for (const path of manifestReferences(manifest)) expect(names).toContain(path);
  });

  it('has no loopback host or sandbox endpoint anywhere', () => {
    for (const loopback of ['127.0.0.1', 'localhost', '[::1]']) expect(filesContaining(loopback)).toEqual([]);
    expect(filesContaining(/sandbox/i)).toEqual([]);
    expect(filesContaining(PATHS.admin)).toEqual([]);
  });

  it("has none of the sandbox's demo apps or sellers", () => {
    for (const app of demoApps('')) {
      expect(filesContaining(app.appSecret)).toEqual([]);
      expect(filesContaining(app.name)).toEqual([]);
    }
    for (const seller of DEMO_SELLER_LIST) expect(filesContaining(seller.account)).toEqual([]);
  });

  // Kept apart on purpose: the debug hook moves to the sandbox build in its own change.
  it('has no debug hook (__sellerAuthDebug)', () => {
    expect(filesContaining('__sellerAuthDebug')).toEqual([]);
  });

  // scripts/page-chunks.ts: each script is one more request to the extension's resource loader.
  it.each(['popup', 'options', 'consent'])('loads the %s page in at most three scripts', (page) => {
    const html = entries.find((entry) => entry.name === `src/${page}/index.html`)?.data.toString('utf8');
    const scripts = html?.match(/<script type="module"[^>]*>|<link rel="modulepreload"[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.length).toBeLessThanOrEqual(3);
  });

  it("keeps the pages' shared chunk out of the worker", () => {
    const text = (name: string) => entries.find((entry) => entry.name === name)?.data.toString('utf8') ?? '';
    const imports = (code: string) =>
      [...code.matchAll(/(?:from|import)\s*["']([^"']+\.js)["']/g)].map((match) => match[1] ?? '');
    const [workerEntry] = imports(text('service-worker-loader.js'));
    expect(workerEntry).toMatch(/^\.\/assets\//);
    const workerImports = imports(text((workerEntry as string).slice(2)));
    expect(workerImports.some((file) => /\/core-[^/]*$/.test(file))).toBe(true);
    expect(workerImports.filter((file) => /\/ui-[^/]*$/.test(file))).toEqual([]);
  });
});
