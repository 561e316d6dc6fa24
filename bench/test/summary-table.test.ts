import { describe, expect, it } from 'vitest';
import type { BenchResults } from '../results';
import { catalogRows, popupAtRows } from '../summary-table';

const file = (path: string, gzipBytes: number) => ({ path, bytes: gzipBytes * 3, gzipBytes });

describe('catalogRows', () => {
  it("reports the popup's first-load JS alone and with the largest language catalog", () => {
    const results = {
      bundles: {
        popup: { files: [file('/src/popup/index.html', 500), file('/assets/popup.js', 18_000)] },
      },
      catalogs: [
        { language: 'en', bytes: 19_000, gzipBytes: 4_000 },
        { language: 'th', bytes: 31_000, gzipBytes: 5_000 },
      ],
    } as unknown as BenchResults;
    const [jsOnly, withCatalog] = catalogRows(results);
    expect(jsOnly?.[1]).toBe('17.6 KiB');
    expect(withCatalog?.[1]).toBe('largest th 4.9 KiB; popup JS with it 22.5 KiB');
  });

  it('says nothing without catalogs', () => {
    expect(catalogRows({ bundles: { popup: { files: [] } } } as unknown as BenchResults)).toEqual([]);
  });
});

describe('popupAtRows', () => {
  const summary = (median: number) => ({ runs: 5, median, min: median - 10, max: median + 10 });

  it('reports the openings that woke a stopped worker beside those that found it running', () => {
    const rows = popupAtRows({
      shops: 5000,
      firstRowMs: summary(95),
      listReplyBytes: 35_000,
      workerAsleepMs: summary(240),
    });
    expect(rows.map(([what]) => what)).toEqual([
      '5,000 shops: navigation to first shop row / first grants.query reply',
      '5,000 shops, waking a stopped worker: to first shop row',
    ]);
    expect(rows[1]?.[1]).toMatch(/^240 ms \(min 230 ms, max 250 ms, 5 runs\)$/);
  });

  it('has one row when only a running worker was measured', () => {
    expect(popupAtRows({ shops: 50, firstRowMs: summary(85), listReplyBytes: 30_000 })).toHaveLength(1);
  });
});
