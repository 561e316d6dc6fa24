import { describe, expect, it } from 'vitest';
import { drainTimeoutMs, readBenchConfig } from '../config';

describe('readBenchConfig', () => {
  it("uses the brief's figures by default, with the extension's caps raised above the sandbox's", () => {
    const config = readBenchConfig({});
    expect(config).toMatchObject({ grants: 5_000, rateLimitPerSecond: 50, popupRuns: 5, coldStartRuns: 10 });
    expect(config.extensionSettings.maxRefreshesPerMinute / 60).toBeGreaterThan(config.rateLimitPerSecond);
    expect(config.drainTimeoutMs).toBe(drainTimeoutMs(5_000, 50));
  });

  it('takes whole numbers from BENCH_* variables', () => {
    const config = readBenchConfig({
      BENCH_GRANTS: '200',
      BENCH_RATE: '20',
      BENCH_POPUP_RUNS: '2',
      BENCH_COLD_RUNS: '3',
    });
    expect(config).toMatchObject({ grants: 200, rateLimitPerSecond: 20, popupRuns: 2, coldStartRuns: 3 });
    expect(config.drainTimeoutMs).toBe(drainTimeoutMs(200, 20));
  });

  it.each(['0', '-5', '2.5', 'many'])('refuses BENCH_GRANTS=%s', (value) => {
    expect(() => readBenchConfig({ BENCH_GRANTS: value })).toThrow('BENCH_GRANTS must be a whole number');
  });
});

describe('drainTimeoutMs', () => {
  it('allows twice what the cap alone needs, plus a minute', () => {
    expect(drainTimeoutMs(5_000, 50)).toBe(200_000 + 60_000);
  });
});
