/**
 * A `messages.json` catalog read the way `chrome.i18n.getMessage` reads it, for code that runs
 * outside Chrome (tests, the simulator): named `$placeholders$` map to their `content` (`$1`..`$9`,
 * or literal text), then `$1`..`$9` take the substitutions, and `$$` is a dollar sign.
 */
import type { MessageSource } from './i18n';

export interface CatalogEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Catalog = Record<string, CatalogEntry>;

export function fillMessage(entry: CatalogEntry, substitutions: readonly string[]): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]),
  );
  return entry.message
    .replace(/\$([a-zA-Z0-9_@]+)\$/g, (whole, name: string) => placeholders.get(name.toLowerCase()) ?? whole)
    .replace(/\$(\$|[1-9])/g, (_whole, which: string) =>
      which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
    );
}

export function catalogSource(catalog: Catalog, language: string): MessageSource {
  return {
    message: (key, substitutions) => {
      const entry = catalog[key];
      return entry ? fillMessage(entry, substitutions) : '';
    },
    language: () => language,
  };
}
