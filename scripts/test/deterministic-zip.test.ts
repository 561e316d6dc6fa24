import { describe, expect, it } from 'vitest';
import { deterministicZip, ZIP_FILE_MODE, ZipInputError } from '../deterministic-zip';
import { readZip } from './read-zip';

const encode = (text: string) => new TextEncoder().encode(text);
/** 1980-01-01 00:00:00 in DOS fields: year 0, month 1, day 1; time 0. */
const DOS_DATE_1980_01_01 = (1 << 5) | 1;

describe('deterministicZip', () => {
  it('gives the same bytes whatever order the files come in', () => {
    const files: [string, Uint8Array][] = [
      ['manifest.json', encode('{"manifest_version":3}')],
      ['assets/a.js', encode('console.log(1);'.repeat(50))],
      ['icons/icon-16.png', new Uint8Array([137, 80, 78, 71, 0, 255])],
    ];
    expect(Buffer.from(deterministicZip(new Map(files)))).toEqual(
      Buffer.from(deterministicZip(new Map([...files].reverse()))),
    );
  });

  it('sorts entries and fixes time, permissions and compression; an unzipper reads them back', () => {
    const zip = deterministicZip(
      new Map([
        ['src/popup/index.html', encode('<!doctype html>'.repeat(20))],
        ['Z.txt', encode('upper case sorts first')],
        ['assets/main.js', encode('export {};')],
      ]),
    );
    const entries = readZip(zip);
    expect(entries.map((entry) => entry.name)).toEqual(['Z.txt', 'assets/main.js', 'src/popup/index.html']);
    for (const entry of entries) {
      expect(entry).toMatchObject({ method: 8, madeBy: 3, dosTime: 0, dosDate: DOS_DATE_1980_01_01 });
      expect(entry.externalAttributes >>> 16).toBe(ZIP_FILE_MODE);
    }
    expect(entries[2]?.data.toString()).toBe('<!doctype html>'.repeat(20));
  });

  it.each([['/manifest.json'], ['../manifest.json'], ['icons\\a.png'], ['42'], ['caf\u00e9.txt'], ['']])(
    'refuses the path %j',
    (path) => {
      expect(() => deterministicZip(new Map([[path, encode('x')]]))).toThrow(ZipInputError);
    },
  );
});
