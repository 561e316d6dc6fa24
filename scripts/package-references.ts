/**
 * The files a built extension's manifest, pages and scripts point at, as package paths, so a package
 * with a missing file is refused before it reaches the store (where it would fail to install).
 */
import { posix } from 'node:path';

type Fields = Record<string, unknown>;

/** Every file the manifest names: icons, pages, the worker, scripts, locales. Globs are skipped. */
export function manifestReferences(manifest: Fields): string[] {
  const found: string[] = [];
  const add = (value: unknown) => {
    if (typeof value === 'string' && !value.includes('*')) found.push(stripLeadingSlash(value));
    else if (Array.isArray(value)) value.forEach(add);
    else if (value && typeof value === 'object') Object.values(value).forEach(add);
  };
  const at = (...path: string[]) =>
    path.reduce<unknown>((node, key) => (node as Fields | undefined)?.[key], manifest);

  add(at('icons'));
  add(at('action', 'default_icon'));
  add(at('action', 'default_popup'));
  add(at('options_page'));
  add(at('options_ui', 'page'));
  add(at('background', 'service_worker'));
  add(at('side_panel', 'default_path'));
  add(at('devtools_page'));
  add(at('chrome_url_overrides'));
  add(at('sandbox', 'pages'));
  for (const script of asArray(at('content_scripts'))) {
    add((script as Fields).js);
    add((script as Fields).css);
  }
  for (const resource of asArray(at('web_accessible_resources'))) {
    add((resource as Fields).resources);
  }
  const locale = at('default_locale');
  if (typeof locale === 'string') found.push(`_locales/${locale}/messages.json`);
  return [...new Set(found)];
}

/** Local `src`/`href` of an HTML page, resolved against the page's own path. */
export function htmlReferences(pagePath: string, html: string): string[] {
  const found = [...html.matchAll(/\s(?:src|href)\s*=\s*"([^"]*)"/g)].map((match) => match[1] ?? '');
  return resolveLocal(pagePath, found);
}

/** Relative static and dynamic imports of a bundled module (`from"./x.js"`, `import("./x.js")`). */
export function scriptReferences(scriptPath: string, source: string): string[] {
  const found = [...source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*["'`](\.{1,2}\/[^"'`]+)["'`]/g)].map(
    (match) => match[1] ?? '',
  );
  return resolveLocal(scriptPath, found);
}

function resolveLocal(fromPath: string, targets: string[]): string[] {
  const local = targets.filter((target) => target !== '' && !/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(target));
  const resolved = local.map((target) => {
    const path = target.split(/[?#]/)[0] ?? '';
    return path.startsWith('/') ? stripLeadingSlash(path) : posix.join(posix.dirname(fromPath), path);
  });
  return [...new Set(resolved)];
}

function stripLeadingSlash(path: string): string {
  return path.replace(/^\/+/, '');
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
