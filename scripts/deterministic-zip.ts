/**
 * A zip whose bytes depend only on the files in it: entries sorted by path, one fixed timestamp, one
 * fixed Unix mode, deflate at a fixed level by a pinned pure-JS deflater (fflate), so the same build
 * gives the same zip on any machine, in any time zone, with any Node version.
 */
import { zipSync } from 'fflate';

/** 1980-01-01 00:00:00, the earliest DOS time. Built from local fields: fflate writes local fields. */
export const ZIP_TIMESTAMP = new Date(1980, 0, 1, 0, 0, 0);
/** A regular file, rw-r--r--, in the high 16 bits of the external attributes (Unix "made by"). */
export const ZIP_FILE_MODE = 0o100644;
const UNIX = 3;
const LEVEL = 9;

export class ZipInputError extends Error {
  override name = 'ZipInputError';
}

/** `files`: zip path (forward slashes, no leading slash) to contents. */
export function deterministicZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Record<
    string,
    [Uint8Array, { level: typeof LEVEL; mtime: Date; os: number; attrs: number }]
  > = {};
  for (const path of [...files.keys()].sort(comparePaths)) {
    checkPath(path);
    entries[path] = [
      files.get(path)!,
      // Multiplied, not shifted: `<< 16` would overflow into a negative 32-bit number.
      { level: LEVEL, mtime: ZIP_TIMESTAMP, os: UNIX, attrs: ZIP_FILE_MODE * 0x10000 },
    ];
  }
  return zipSync(entries);
}

/** By UTF-16 code unit, like `Array.prototype.sort`: stable across locales (no `localeCompare`). */
function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function checkPath(path: string): void {
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.split('/').includes('..')) {
    throw new ZipInputError(`Not a relative zip path: ${JSON.stringify(path)}`);
  }
  // Object keys that look like array indices are iterated first, whatever the insertion order.
  if (/^(0|[1-9]\d*)$/.test(path)) {
    throw new ZipInputError(`A zip path cannot be a bare number: ${JSON.stringify(path)}`);
  }
  if (!/^[\x20-\x7e]+$/.test(path)) {
    throw new ZipInputError(`Zip paths are printable ASCII here: ${JSON.stringify(path)}`);
  }
}
