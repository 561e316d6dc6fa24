import { describe, expect, it } from 'vitest';
import { entriesImporting, sharedChunkFor } from '../page-chunks';

/** worker, popup and options entries over a few modules; `lazy` is only imported dynamically. */
const GRAPH: Record<string, { isEntry: boolean; importers: string[] }> = {
  '/src/background/main.ts': { isEntry: true, importers: [] },
  '/src/popup/index.html': { isEntry: true, importers: [] },
  '/src/options/index.html': { isEntry: true, importers: [] },
  '/src/popup/App.tsx': { isEntry: false, importers: ['/src/popup/index.html'] },
  '/src/options/App.tsx': { isEntry: false, importers: ['/src/options/index.html'] },
  '/src/ui/labels.ts': { isEntry: false, importers: ['/src/popup/App.tsx', '/src/options/App.tsx'] },
  '/src/shared/platform.ts': { isEntry: false, importers: ['/src/ui/labels.ts', '/src/background/main.ts'] },
  '/src/shared/lazy.ts': { isEntry: false, importers: [] },
};
const graph = (id: string) => GRAPH[id] ?? null;
const isWorker = (id: string) => id.endsWith('src/background/main.ts');
const chunkOf = (id: string) => sharedChunkFor(entriesImporting(id, graph), isWorker);

describe('page chunks', () => {
  it('finds every entry that imports a module, through the modules between', () => {
    expect([...entriesImporting('/src/shared/platform.ts', graph)].sort()).toEqual([
      '/src/background/main.ts',
      '/src/options/index.html',
      '/src/popup/index.html',
    ]);
  });

  it('puts what the worker shares with pages in core, and what only pages share in ui', () => {
    expect(chunkOf('/src/shared/platform.ts')).toBe('core');
    expect(chunkOf('/src/ui/labels.ts')).toBe('ui');
  });

  it("leaves one page's own modules, and lazy ones, to the bundler", () => {
    expect(chunkOf('/src/popup/App.tsx')).toBeUndefined();
    expect(chunkOf('/src/shared/lazy.ts')).toBeUndefined();
  });

  it('stops at modules it has seen, so an import cycle ends', () => {
    const cycle = (id: string) =>
      ({
        '/a.ts': { isEntry: false, importers: ['/b.ts'] },
        '/b.ts': { isEntry: false, importers: ['/a.ts', '/entry.html'] },
        '/entry.html': { isEntry: true, importers: [] },
      })[id] ?? null;
    expect([...entriesImporting('/a.ts', cycle)]).toEqual(['/entry.html']);
  });
});
