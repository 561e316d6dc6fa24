/**
 * How the build splits shared code: at most two shared chunks, so a page's first load is three
 * scripts, not seven. Each file an extension page imports is one more request to the extension's
 * resource loader, which serves them one after another: at 5,000 shops the popup's modules took
 * longer to arrive than the worker took to answer. Rolldown's default makes one chunk per set of
 * entries sharing a module; this keeps two: `core` (what the worker shares with the pages) and `ui`
 * (what two or more pages share, never the worker). Code only one page imports stays in its entry.
 */
import type { Rolldown } from 'vite';

type ModuleGraph = (id: string) => Pick<Rolldown.ModuleInfo, 'isEntry' | 'importers'> | null;
export type SharedChunk = 'core' | 'ui';

/** The entries that import `id` statically, directly or through other modules. Lazy imports stay lazy. */
export function entriesImporting(id: string, graph: ModuleGraph): Set<string> {
  const entries = new Set<string>();
  const seen = new Set<string>([id]);
  const queue = [id];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    const info = graph(next);
    if (!info) continue;
    if (info.isEntry) entries.add(next);
    for (const importer of info.importers) {
      if (!seen.has(importer)) {
        seen.add(importer);
        queue.push(importer);
      }
    }
  }
  return entries;
}

/** Which shared chunk a module belongs in, or undefined to leave it to the bundler (one entry's own). */
export function sharedChunkFor(entries: ReadonlySet<string>, isWorker: (id: string) => boolean) {
  if (entries.size < 2) return undefined;
  return [...entries].some(isWorker) ? 'core' : 'ui';
}

/** `build.rolldownOptions.output.codeSplitting` for a build whose worker entry is `workerEntry`. */
export function pageChunks(workerEntry: string): Rolldown.OutputOptions['codeSplitting'] {
  const isWorker = (id: string) => id.endsWith(workerEntry);
  const chunkOf = (id: string, graph: ModuleGraph) => sharedChunkFor(entriesImporting(id, graph), isWorker);
  return {
    groups: (['core', 'ui'] as const).map((chunk, index) => ({
      name: (id, ctx) => (chunkOf(id, (module) => ctx.getModuleInfo(module)) === chunk ? chunk : null),
      debugName: chunk,
      // The worker's chunk first, so no module the worker needs is taken into the pages' chunk.
      priority: 2 - index,
    })),
  };
}
