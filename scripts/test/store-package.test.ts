import { describe, expect, it } from 'vitest';
import { StorePackageError, storePackage } from '../store-package';

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);

const MANIFEST = {
  manifest_version: 3,
  name: 'Seller Auth',
  version: '1.2.3',
  key: 'MIIBIjANBgkq',
  icons: { '16': 'icons/icon-16.png' },
  action: { default_popup: 'src/popup/index.html', default_icon: { '16': 'icons/icon-16.png' } },
  options_ui: { page: 'src/options/index.html' },
  background: { service_worker: 'service-worker-loader.js', type: 'module' },
};

function build(change: Record<string, string | null> = {}): Map<string, Uint8Array> {
  const files: Record<string, string | null> = {
    'manifest.json': JSON.stringify(MANIFEST),
    'icons/icon-16.png': 'png',
    'src/popup/index.html': '<script type="module" src="/assets/popup.js"></script>',
    'src/options/index.html':
      '<link rel="stylesheet" href="/assets/options.css"><script src="../../assets/options.js"></script>',
    'service-worker-loader.js': "import './assets/main.js';",
    'assets/main.js': 'import{a}from"./shared.js";const b=()=>import("./lazy.js");',
    'assets/shared.js': 'export const a=1;',
    'assets/lazy.js': 'export default 2;',
    'assets/popup.js': 'import"./shared.js";',
    'assets/options.js': '',
    'assets/options.css': '',
    ...change,
  };
  return new Map(
    Object.entries(files).flatMap(([path, text]) => (text === null ? [] : [[path, encode(text)] as const])),
  );
}

describe('storePackage', () => {
  it('keeps every built file and drops only the manifest key', () => {
    const pkg = storePackage(build());
    expect(pkg.version).toBe('1.2.3');
    expect([...pkg.files.keys()].sort()).toEqual([...build().keys()].sort());
    const { key: _key, ...withoutKey } = MANIFEST;
    expect(JSON.parse(decode(pkg.files.get('manifest.json')))).toEqual(withoutKey);
    expect(decode(pkg.files.get('assets/main.js'))).toBe(decode(build().get('assets/main.js')));
  });

  it.each([
    ['an icon the manifest names', 'icons/icon-16.png'],
    ['the worker the manifest names', 'service-worker-loader.js'],
    ['a script a page loads (root-relative)', 'assets/popup.js'],
    ['a script a page loads (relative)', 'assets/options.js'],
    ['a stylesheet a page loads', 'assets/options.css'],
    ['a module the worker imports', 'assets/main.js'],
    ['a chunk imported statically', 'assets/shared.js'],
    ['a chunk imported dynamically', 'assets/lazy.js'],
  ])('refuses a build missing %s', (_what, path) => {
    expect(() => storePackage(build({ [path]: null }))).toThrow(StorePackageError);
    expect(() => storePackage(build({ [path]: null }))).toThrow(path);
  });

  it('asks for the default locale when the manifest has one', () => {
    const localized = JSON.stringify({ ...MANIFEST, default_locale: 'en' });
    expect(() => storePackage(build({ 'manifest.json': localized }))).toThrow('_locales/en/messages.json');
    expect(
      storePackage(build({ 'manifest.json': localized, '_locales/en/messages.json': '{}' })).files.size,
    ).toBe(12);
  });

  it('refuses a build without a manifest', () => {
    expect(() => storePackage(build({ 'manifest.json': null }))).toThrow(/no manifest.json/);
  });
});
