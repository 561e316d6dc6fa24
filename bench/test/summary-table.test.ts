import { describe, expect, it } from 'vitest';
import type { BenchResults } from '../results';
import { catalogRows } from '../summary-table';

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
