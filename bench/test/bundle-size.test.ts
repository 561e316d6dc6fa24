import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { catalogSizes, compareWithLoaded, walkBundle } from '../bundle-size';

/** A built extension in memory, shaped like Vite's output. */
const FILES: Record<string, string> = {
  '/src/popup/index.html': [
    '<script type="module" crossorigin src="/assets/index.html-A.js"></script>',
    '<link rel="modulepreload" crossorigin href="/assets/shared-B.js">',
    '<link rel="stylesheet" crossorigin href="/assets/style-C.css">',
  ].join('\n'),
  '/assets/index.html-A.js':
    'import{a as e}from"./shared-B.js";import"./side-D.js";const l=()=>import(`./lazy-E.js`);',
  '/assets/shared-B.js': 'export const a=1;',
  '/assets/side-D.js': "export*from'./shared-B.js';",
  '/assets/lazy-E.js': 'import{a}from"./shared-B.js";import{b}from"./lazy-F.js";',
  '/assets/lazy-F.js': 'export const b=2;',
  '/assets/style-C.css': '.a{color:red}',
  '/service-worker-loader.js': "import './assets/main-G.js';",
  '/assets/main-G.js': 'import{a}from"../assets/shared-B.js";',
};

const read = (path: string) => {
  const text = FILES[path];
  if (text === undefined) throw new Error(`not in the fixture: ${path}`);
  return Buffer.from(text);
};

describe('walkBundle', () => {
  it('follows the HTML and every static import once, and sizes each file raw and gzipped', () => {
    const bundle = walkBundle('src/popup/index.html', read);
    const paths = bundle.files.map((file) => file.path).sort();
    expect(paths).toEqual(
      [
        '/assets/index.html-A.js',
        '/assets/shared-B.js',
        '/assets/side-D.js',
        '/assets/style-C.css',
        '/src/popup/index.html',
      ].sort(),
    );
    const shared = bundle.files.find((file) => file.path === '/assets/shared-B.js');
    expect(shared).toEqual({
      path: '/assets/shared-B.js',
      bytes: FILES['/assets/shared-B.js']?.length,
      gzipBytes: gzipSync(read('/assets/shared-B.js')).length,
    });
    expect(bundle.bytes).toBe(bundle.files.reduce((sum, file) => sum + file.bytes, 0));
    expect(bundle.gzipBytes).toBe(bundle.files.reduce((sum, file) => sum + file.gzipBytes, 0));
  });

  it('counts dynamic imports (backtick-quoted too) and their own imports apart, without repeating static files', () => {
    const bundle = walkBundle('src/popup/index.html', read);
    expect(bundle.lazy.map((file) => file.path)).toEqual(['/assets/lazy-E.js', '/assets/lazy-F.js']);
    expect(bundle.lazyGzipBytes).toBe(bundle.lazy.reduce((sum, file) => sum + file.gzipBytes, 0));
  });

  it('starts from a script too, resolving relative paths from the importing file', () => {
    const bundle = walkBundle('service-worker-loader.js', read);
    expect(bundle.files.map((file) => file.path)).toEqual([
      '/service-worker-loader.js',
      '/assets/main-G.js',
      '/assets/shared-B.js',
    ]);
    expect(bundle.lazy).toEqual([]);
  });
});

describe('compareWithLoaded', () => {
  const bundle = walkBundle('src/popup/index.html', read);
  const everything = [...bundle.files, ...bundle.lazy].map((file) => file.path);

  it('agrees when the browser loaded exactly the walked files (ignoring images)', () => {
    expect(compareWithLoaded(bundle, [...everything, '/icons/icon-16.png'])).toEqual({
      notLoaded: [],
      missed: [],
    });
  });

  it('names files the walk found that were not loaded, and loaded ones it missed', () => {
    const loaded = everything.filter((path) => path !== '/assets/lazy-F.js');
    expect(compareWithLoaded(bundle, [...loaded, '/assets/extra-H.js'])).toEqual({
      notLoaded: ['/assets/lazy-F.js'],
      missed: ['/assets/extra-H.js'],
    });
  });
});

describe('catalogSizes', () => {
  it('measures every language of a built extension, raw and gzipped', async () => {
    const { mkdtemp, mkdir, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const dist = await mkdtemp(join(tmpdir(), 'catalogs-'));
    for (const [language, text] of [
      ['th', '{"a":{"message":"เชื่อมต่อแล้ว"}}'],
      ['en', '{"a":{"message":"Connected"}}'],
    ]) {
      await mkdir(join(dist, '_locales', language as string), { recursive: true });
      await writeFile(join(dist, '_locales', language as string, 'messages.json'), text as string);
    }
    const sizes = catalogSizes(dist);
    expect(sizes.map((size) => size.language)).toEqual(['en', 'th']);
    expect(sizes[1]?.bytes).toBe(Buffer.byteLength('{"a":{"message":"เชื่อมต่อแล้ว"}}'));
    expect(sizes.every((size) => size.gzipBytes > 0)).toBe(true);
  });
});
