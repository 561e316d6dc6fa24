/**
 * `npm run package`: the store build in dist/, then the zip to upload to the Chrome Web Store in
 * release/seller-auth-<version>.zip. The same sources give the same zip, byte for byte.
 * `--out-dir` and `--release-dir` (relative to the repository) build elsewhere, for the tests.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'vite';
import { deterministicZip } from './deterministic-zip';
import { storePackage } from './store-package';

const ROOT = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { 'out-dir': { type: 'string' }, 'release-dir': { type: 'string' } },
});
const outDir = resolve(ROOT, values['out-dir'] ?? 'dist');
const releaseDir = resolve(ROOT, values['release-dir'] ?? 'release');

// Whatever the calling shell says: a development NODE_ENV would bundle Preact's debug code.
process.env.NODE_ENV = 'production';
await build({ root: ROOT, mode: 'production', logLevel: 'warn', build: { outDir } });

const pkg = storePackage(await readTree(outDir));
const zip = deterministicZip(pkg.files);
await mkdir(releaseDir, { recursive: true });
const zipPath = join(releaseDir, `seller-auth-${pkg.version}.zip`);
await writeFile(zipPath, zip);

const sha256 = createHash('sha256').update(zip).digest('hex');
console.log(`${relative(process.cwd(), zipPath)}: ${zip.length} bytes, ${pkg.files.size} files`);
console.log(`sha256 ${sha256}`);

/** Every file under `dir`, keyed by its path with forward slashes. */
async function readTree(dir: string): Promise<Map<string, Uint8Array>> {
  const files = new Map<string, Uint8Array>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path).split(sep).join('/'), await readFile(path));
  }
  return files;
}
