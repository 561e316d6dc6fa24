import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatBytes, formatMs, renderChecks, renderTable, timestampedName, writeResults } from '../report';

describe('formatting', () => {
  it('shows milliseconds, seconds, then minutes as figures grow', () => {
    expect([formatMs(12.4), formatMs(9_999), formatMs(138_000), formatMs(2_500_000)]).toEqual([
      '12 ms',
      '9999 ms',
      '138.0 s',
      '41.7 min',
    ]);
    expect(formatMs(undefined)).toBe('n/a');
    expect(formatMs(Number.NaN)).toBe('n/a');
  });

  it('shows bytes in KiB, then MiB', () => {
    expect([formatBytes(18_637), formatBytes(16.1 * 1024 * 1024)]).toEqual(['18.2 KiB', '16.1 MiB']);
  });
});

describe('renderTable', () => {
  it('aligns every value in one column across sections', () => {
    const text = renderTable([
      { title: 'One', rows: [['short', '1']] },
      { title: 'Two', rows: [['a longer label', '2']] },
    ]);
    expect(text.split('\n')).toEqual([
      '',
      'One',
      '---',
      '  short           1',
      '',
      'Two',
      '---',
      '  a longer label  2',
    ]);
  });
});

describe('renderChecks', () => {
  it('marks failures so they stand out', () => {
    expect(
      renderChecks([
        { name: 'a', ok: true, detail: 'fine' },
        { name: 'b', ok: false, detail: 'broken' },
      ]),
    ).toBe('  ok    a: fine\n  FAIL  b: broken');
  });
});

describe('writeResults', () => {
  it('writes latest.json and a timestamped copy with the same content', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'bench-results-'));
    try {
      const at = new Date('2026-01-31T12:34:56.789Z');
      const paths = await writeResults(join(dir, 'results'), { answer: 42 }, at);
      expect(paths).toEqual([join(dir, 'results', 'latest.json'), join(dir, 'results', timestampedName(at))]);
      expect(timestampedName(at)).toBe('2026-01-31T12-34-56-789Z.json');
      for (const path of paths) expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ answer: 42 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
