/**
 * Copies `src/_locales/<lang>/messages.json` into the build as `_locales/<lang>/messages.json`, where
 * Chrome looks for them (the crx plugin does not). Checked JSON, so a broken catalog fails the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export function localesPlugin(sourceDir: string): Plugin {
  return {
    name: 'seller-auth-locales',
    generateBundle() {
      for (const language of readdirSync(sourceDir).sort()) {
        const file = join(sourceDir, language, 'messages.json');
        this.addWatchFile(file);
        const catalog = JSON.parse(readFileSync(file, 'utf8'));
        this.emitFile({
          type: 'asset',
          fileName: `_locales/${language}/messages.json`,
          source: `${JSON.stringify(catalog, null, 2)}\n`,
        });
      }
    },
  };
}
