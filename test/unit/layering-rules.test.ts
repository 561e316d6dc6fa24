/**
 * The layering rules in biome.json bite: Biome lints a scratch tree of probe files (one per rule, plus
 * files each layer may write) with the project's configuration, and every probe gets exactly the
 * diagnostics it should. `npm run lint` applies the same rules to the real sources.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const IMPORTS = 'lint/style/noRestrictedImports';
const GLOBALS = 'lint/style/noRestrictedGlobals';

/** Probe path -> [source, the diagnostics expected in it]. */
const PROBES: Record<string, [string, string[]]> = {
  'src/shared/imports-grants.ts': [
    "import { a } from '../grants/model';\n\nexport const b = a;\n",
    [IMPORTS],
  ],
  'src/shared/imports-platforms.ts': [
    "import { a } from '../platforms/types';\n\nexport const b = a;\n",
    [IMPORTS],
  ],
  'src/shared/allowed.ts': ["import { a } from './errors';\n\nexport const b = a;\n", []],
  'src/platforms/imports-grants.ts': [
    "import { a } from '../grants/model';\n\nexport const b = a;\n",
    [IMPORTS],
  ],
  'src/platforms/imports-background.ts': [
    "import { a } from '../background/wiring/ports';\n\nexport const b = a;\n",
    [IMPORTS],
  ],
  'src/platforms/allowed.ts': [
    "import { a } from '../shared/errors';\nimport { c } from './types';\n\nexport const b = [a, c];\n",
    [],
  ],
  'src/grants/store/imports-background.ts': [
    "import { a } from '../../background/wiring/ports';\n\nexport const b = a;\n",
    [IMPORTS],
  ],
  'src/grants/imports-pages.ts': [
    "import { a } from '../popup/App';\nimport { c } from '../options/OptionsPage';\nimport { d } from '../ui/client';\n\nexport const b = [a, c, d];\n",
    [IMPORTS, IMPORTS, IMPORTS],
  ],
  'src/grants/connect/allowed.ts': [
    "import { a } from '../model';\nimport { c } from '../../platforms/types';\nimport { d } from '../../shared/model';\n\nexport const b = [a, c, d];\n",
    [],
  ],
  'src/backup/imports-shells.ts': [
    "import { a } from '../background/wiring/ports';\nimport { c } from '../options/OptionsPage';\nimport { d } from '../ui/client';\n\nexport const b = [a, c, d];\n",
    [IMPORTS, IMPORTS, IMPORTS],
  ],
  'src/backup/allowed.ts': [
    "import { a } from '../grants/model';\nimport { c } from '../platforms/types';\nimport { d } from '../shared/model';\n\nexport const b = [a, c, d];\n",
    [],
  ],
  'src/backup/uses-chrome.ts': ['export const id = chrome.runtime.id;\n', [GLOBALS]],
  'src/popup/uses-chrome.ts': ['export const id = chrome.runtime.id;\n', [GLOBALS]],
  'src/options/uses-browser.ts': ['export const id = browser.runtime.id;\n', [GLOBALS]],
  'src/grants/uses-chrome.ts': ['export const id = chrome.runtime.id;\n', [GLOBALS]],
  'src/background/wiring/imports-polyfill.ts': [
    "import browser from 'webextension-polyfill';\n\nexport const id = browser.runtime.id;\n",
    [IMPORTS],
  ],
  'src/ui/loads-polyfill.ts': ["export const load = () => import('webextension-polyfill');\n", [IMPORTS]],
  'src/background/adapters/allowed.ts': [
    "import browser from 'webextension-polyfill';\n\nexport const ids = [browser.runtime.id, chrome.runtime.id];\n",
    [],
  ],
  'src/ui/adapters/allowed.ts': [
    "export const load = () => import('webextension-polyfill');\nexport const id = chrome.runtime.id;\n",
    [],
  ],
};

const scratch = mkdtempSync(join(tmpdir(), 'seller-auth-layering-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function lintProbes(): Map<string, string[]> {
  // The project's configuration without the git integration (the scratch tree is no repository).
  const config = JSON.parse(readFileSync(join(ROOT, 'biome.json'), 'utf8'));
  delete config.vcs;
  delete config.$schema;
  writeFileSync(join(scratch, 'biome.json'), JSON.stringify(config));
  for (const [path, [source]] of Object.entries(PROBES)) {
    mkdirSync(dirname(join(scratch, path)), { recursive: true });
    writeFileSync(join(scratch, path), source);
  }
  let output: string;
  try {
    output = execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['lint', '--max-diagnostics=none', '.'], {
      cwd: scratch,
      encoding: 'utf8',
      stdio: 'pipe',
    });
  } catch (error) {
    // Biome exits 1 when it found errors: that is the point here.
    const failed = error as { stdout?: string; stderr?: string };
    output = `${failed.stdout ?? ''}${failed.stderr ?? ''}`;
  }
  const found = new Map<string, string[]>(Object.keys(PROBES).map((path) => [path, []]));
  for (const [, path, rule] of output.matchAll(/^(\S+):\d+:\d+ (lint\/\S+)/gm)) {
    found.get(path as string)?.push(rule as string);
  }
  return found;
}

describe('layering rules', () => {
  it('flag each forbidden import and browser global, and nothing a layer may use', () => {
    const found = lintProbes();
    for (const [path, [, expected]] of Object.entries(PROBES)) {
      expect({ path, rules: found.get(path) }).toEqual({ path, rules: expected });
    }
  });
});
