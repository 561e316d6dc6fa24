/**
 * Phase 3a: what a page of the built extension loads, found by walking its HTML and the static imports
 * of every script (a module graph, like the browser's), then measured raw and gzipped with zlib.
 * Dynamic `import()` targets load later, if ever: counted apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleFile {
  /** Path from the extension root, with a leading slash (as the page requests it). */
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSize {
  entry: string;
  /** Loaded before the page's code runs: the page and its static module graph. */
  files: BundleFile[];
  bytes: number;
  gzipBytes: number;
  /** Loaded later through dynamic import() (and their own static imports), not already in `files`. */
  lazy: BundleFile[];
  lazyGzipBytes: number;
}

const HTML_REFERENCE = /<(?:script|link)\b[^>]*?\b(?:src|href)="([^"]+)"/g;
// Minifiers quote specifiers with any of ' " ` (Vite's output uses backticks in import()).
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[^"'`();]*?\bfrom\s*)?["'`]((?:\.{1,2})?\/[^"'`]+)["'`]/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]((?:\.{1,2})?\/[^"'`]+)["'`]\s*\)/g;

function referencesIn(text: string, pattern: RegExp): string[] {
  return [...text.matchAll(pattern)].map((match) => match[1] as string);
}

/** `reference` as a path from the extension root: absolute ones as they are, relative ones from `from`. */
function resolveReference(from: string, reference: string): string {
  return reference.startsWith('/') ? posix.normalize(reference) : posix.join(posix.dirname(from), reference);
}

const sum = (files: readonly BundleFile[], key: 'bytes' | 'gzipBytes') =>
  files.reduce((total, file) => total + file[key], 0);

/** The files `entry` (an HTML page or a script, root-relative) loads; `read` gives a file's bytes. */
export function walkBundle(entry: string, read: (path: string) => Buffer): BundleSize {
  const seen = new Set<string>();
  const dynamic: string[] = [];
  /** Visits `path` and its static graph, adding every new file to `into`. */
  const visit = (path: string, into: BundleFile[]) => {
    if (seen.has(path)) return;
    seen.add(path);
    const content = read(path);
    into.push({ path, bytes: content.length, gzipBytes: gzipSync(content).length });
    const text = content.toString('utf8');
    if (path.endsWith('.html')) {
      for (const reference of referencesIn(text, HTML_REFERENCE))
        visit(resolveReference(path, reference), into);
    } else if (path.endsWith('.js')) {
      for (const reference of referencesIn(text, STATIC_IMPORT))
        visit(resolveReference(path, reference), into);
      for (const reference of referencesIn(text, DYNAMIC_IMPORT))
        dynamic.push(resolveReference(path, reference));
    }
  };
  const files: BundleFile[] = [];
  visit(posix.normalize(`/${entry}`), files);
  const lazy: BundleFile[] = [];
  // A lazy chunk may import more lazily: the list grows while it is walked.
  for (let index = 0; index < dynamic.length; index += 1) visit(dynamic[index] as string, lazy);
  return {
    entry,
    files,
    bytes: sum(files, 'bytes'),
    gzipBytes: sum(files, 'gzipBytes'),
    lazy,
    lazyGzipBytes: sum(lazy, 'gzipBytes'),
  };
}

/** Reads files of a built extension directory (`dist/`). */
export function distReader(distDir: string): (path: string) => Buffer {
  return (path) => readFileSync(join(distDir, path));
}

/** The worker script named by the built manifest. */
export function workerEntry(distDir: string): string {
  const manifest = JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8')) as {
    background?: { service_worker?: string };
  };
  const script = manifest.background?.service_worker;
  if (!script) throw new Error(`${join(distDir, 'manifest.json')} names no service worker`);
  return script;
}

/**
 * Paths the walk found (lazy ones included) that the page did not load, and loaded ones the walk
 * missed: both empty when the walk agrees with the browser.
 */
export function compareWithLoaded(walked: BundleSize, loaded: readonly string[]) {
  const walkedPaths = new Set([...walked.files, ...walked.lazy].map((file) => file.path));
  const loadedPaths = new Set(loaded.filter((path) => /\.(?:js|css|html)$/.test(path)));
  return {
    notLoaded: [...walkedPaths].filter((path) => !loadedPaths.has(path)),
    missed: [...loadedPaths].filter((path) => !walkedPaths.has(path)),
  };
}

export interface CatalogSize {
  /** The `_locales` folder: `en`, `zh_CN`... */
  language: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * Each language's `messages.json` in a built extension. Chrome reads the one it needs itself (no page
 * script loads it), but it is part of what a page's words cost, so the bench adds the largest.
 */
export function catalogSizes(distDir: string): CatalogSize[] {
  const localesDir = join(distDir, '_locales');
  return readdirSync(localesDir)
    .sort()
    .map((language) => {
      const content = readFileSync(join(localesDir, language, 'messages.json'));
      return { language, bytes: content.length, gzipBytes: gzipSync(content).length };
    });
}
