/**
 * The debugging hook ships only in the sandbox build: the store build (dist/, built first by
 * `npm test`) carries none of it, the sandbox build (dist-sandbox/) that browser tests load does.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');

function scriptsOf(dist: string): string {
  const assets = join(ROOT, dist, 'assets');
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .map((name) => readFileSync(join(assets, name), 'utf8'))
    .join('\n');
}

test('the store build has no debug hook; the sandbox build has it', () => {
  expect(scriptsOf('dist')).not.toContain('__sellerAuthDebug');
  expect(scriptsOf('dist-sandbox')).toContain('__sellerAuthDebug');
});
