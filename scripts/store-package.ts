/**
 * From the files of a store build (dist/) to the files of the store zip: the manifest without `key`,
 * everything else as built, and a refusal when anything a manifest, page or script points at is missing.
 */
import { storePackageManifest } from './manifest-for';
import { htmlReferences, manifestReferences, scriptReferences } from './package-references';

export class StorePackageError extends Error {
  override name = 'StorePackageError';
}

export interface StorePackage {
  files: Map<string, Uint8Array>;
  /** `manifest.version`, for the zip's name. */
  version: string;
}

export function storePackage(build: ReadonlyMap<string, Uint8Array>): StorePackage {
  const manifestBytes = build.get('manifest.json');
  if (!manifestBytes)
    throw new StorePackageError('The build has no manifest.json: run the store build first.');
  const manifest = storePackageManifest(JSON.parse(text(manifestBytes)) as Record<string, unknown>);
  if (typeof manifest.version !== 'string') throw new StorePackageError('manifest.json has no version.');

  const files = new Map(build);
  files.set('manifest.json', new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`));

  const missing = new Set<string>();
  const need = (from: string, paths: string[]) => {
    for (const path of paths) if (!files.has(path)) missing.add(`${path} (named by ${from})`);
  };
  need('manifest.json', manifestReferences(manifest));
  for (const [path, bytes] of files) {
    if (path.endsWith('.html')) need(path, htmlReferences(path, text(bytes)));
    if (path.endsWith('.js')) need(path, scriptReferences(path, text(bytes)));
  }
  if (missing.size > 0) {
    throw new StorePackageError(`The build is missing files it refers to: ${[...missing].join(', ')}`);
  }
  return { files, version: manifest.version };
}

function text(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
