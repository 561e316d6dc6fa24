/**
 * The seven catalogs against each other and against the code: the same keys and placeholders in
 * every language, both plural forms, Chrome's naming rules, and every key the code asks for present
 * (and none left that nothing asks for).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Catalog } from '../../../src/shared/i18n-catalog';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const LOCALES_DIR = join(ROOT, 'src', '_locales');
const LANGUAGES = ['en', 'fil', 'id', 'ms', 'th', 'vi', 'zh_CN'];

function catalog(language: string): Catalog {
  return JSON.parse(readFileSync(join(LOCALES_DIR, language, 'messages.json'), 'utf8')) as Catalog;
}

const en = catalog('en');
const placeholdersIn = (message: string) =>
  [...message.matchAll(/\$([a-zA-Z0-9_@]+)\$/g)].map((match) => (match[1] as string).toLowerCase()).sort();

describe('the catalogs', () => {
  it('are the seven languages seller staff work in', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual(LANGUAGES);
  });

  it.each(LANGUAGES)('%s has every English key, no other, and the same placeholders', (language) => {
    const other = catalog(language);
    expect(Object.keys(other).sort()).toEqual(Object.keys(en).sort());
    for (const [key, entry] of Object.entries(other)) {
      const english = en[key];
      expect(placeholdersIn(entry.message), key).toEqual(placeholdersIn(english?.message ?? ''));
      expect(entry.placeholders ?? {}, key).toEqual(english?.placeholders ?? {});
      expect(entry.message.trim(), key).not.toBe('');
    }
  });

  it.each(LANGUAGES)('%s names a locale Intl knows, and is written in it', (language) => {
    const tag = catalog(language).intl_locale?.message ?? '';
    expect(Intl.getCanonicalLocales(tag)).toHaveLength(1);
    expect(new Intl.DateTimeFormat(tag).resolvedOptions().locale.split('-')[0]).toBe(tag.split('-')[0]);
  });

  it('translates, rather than copies, what a person reads', () => {
    // Brand names and codes may stay; whole sentences may not.
    for (const language of LANGUAGES.filter((code) => code !== 'en')) {
      const other = catalog(language);
      const copied = Object.keys(en).filter(
        (key) => en[key]?.message === other[key]?.message && (en[key]?.message.split(' ').length ?? 0) > 3,
      );
      expect(copied, language).toEqual([]);
    }
  });

  it('follows Chrome: names of letters, digits and "_", each placeholder used and numbered', () => {
    for (const [key, entry] of Object.entries(en)) {
      expect(key).toMatch(/^[a-z0-9_]+$/);
      const numbers = Object.values(entry.placeholders ?? {}).map((placeholder) => placeholder.content);
      expect(numbers, key).toEqual(numbers.map((_content, index) => `$${index + 1}`));
      expect(Object.keys(entry.placeholders ?? {}).sort(), key).toEqual([
        ...new Set(placeholdersIn(entry.message)),
      ]);
    }
  });

  it('has both forms of every plural', () => {
    for (const key of Object.keys(en)) {
      if (key.endsWith('_one')) expect(en[key.replace(/_one$/, '_other')], key).toBeDefined();
      if (key.endsWith('_other')) expect(en[key.replace(/_other$/, '_one')], key).toBeDefined();
    }
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '_locales' ? [] : sourceFiles(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

describe('the code and the catalog', () => {
  const sources = sourceFiles(join(ROOT, 'src')).map((path) => ({
    path: relative(ROOT, path),
    text: readFileSync(path, 'utf8'),
  }));
  const literal = /\b(?:t|tPlural)\(\s*'([a-z0-9_]+)'/g;
  /** Keys the code builds from a code or a kind: `error_<code>_title`, `storage_<kind>_problem`... */
  const templates = [...sources.flatMap(({ text }) => [...text.matchAll(/`([a-z_]*)\$\{[^}]+\}([a-z_]*)`/g)])]
    .map((match) => new RegExp(`^${match[1]}[a-z0-9_]+${match[2]}$`))
    .filter((pattern) => pattern.source !== '^[a-z0-9_]+$');

  it('has every key the code asks for', () => {
    const asked = sources.flatMap(({ path, text }) =>
      [...text.matchAll(literal)].map((match) => ({ path, key: match[1] as string })),
    );
    expect(asked.length).toBeGreaterThan(50);
    const missing = asked.filter(({ key }) => en[key] === undefined && en[`${key}_one`] === undefined);
    expect(missing).toEqual([]);
  });

  it('has no key the code never asks for', () => {
    const text = sources.map((source) => source.text).join('\n');
    const unused = Object.keys(en).filter((key) => {
      const base = key.replace(/_(one|other)$/, '');
      if (text.includes(`'${key}'`) || text.includes(`'${base}'`)) return false;
      return !templates.some((pattern) => pattern.test(key));
    });
    // Read by Chrome itself (the manifest) and by the message adapter.
    expect(unused.filter((key) => key !== 'ext_description')).toEqual([]);
  });
});
