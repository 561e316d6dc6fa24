/**
 * The simulation, short (30 days, 20 shops), over every browser pattern with the new default policy:
 * the real grants core against the sandbox on virtual time. Only correctness figures are asserted.
 *
 * Lost and slow refresh answers are in the fault mix. A slow one must never cost a grant (its late answer
 * is applied). A dropped one, after the platform rotated, leaves no client any way to learn the new
 * pair: such a loss is not avoidable by the extension, and must end honestly as `refresh_interrupted`.
 */
import { describe, expect, it } from 'vitest';
import { PATTERNS } from '../availability';
import { type FaultMix, type RunResult, runSimulation } from '../run-simulation';

const FAULTS: FaultMix = { outage: true, storm: true, lostAnswers: true };
const SHORT = { seed: 7, days: 30, shops: 20, faults: FAULTS } as const;

describe('30 days, 20 shops, the new policy', () => {
  it.each(PATTERNS)(
    '%s: no grant lost that a refresh could have saved, no reminder skipped or repeated',
    async (pattern) => {
      const result = await runSimulation({ ...SHORT, pattern, policy: 'keep_3_days' });

      expect(result.avoidableLosses).toEqual({ total: 0, afterSlowAnswer: 0, other: 0 });
      const afterDrop = result.forcedList.filter((forced) => forced.lostAnswer === 'dropped');
      for (const forced of afterDrop) expect(forced.errorCode).toBe('refresh_interrupted');
      expect(result.reminders.skipped).toBe(0);
      expect(result.reminders.repeated).toBe(0);
      // Every shop connected, and each had its grant refreshed or checked: the run did something.
      expect(result.calls.create).toBeGreaterThanOrEqual(SHORT.shops);
      expect(result.calls.refresh).toBeGreaterThan(0);
      expect(result.alarms.maxInUse).toBe(1);
    },
  );

  it('judges reminders at all: thresholds pass during the run', async () => {
    const result = await runSimulation({ ...SHORT, pattern: 'always_on', policy: 'keep_3_days' });
    expect(result.reminders.judged).toBeGreaterThan(0);
    expect(result.reminders.skipped).toBe(0);
  });

  it('repeats exactly with the same seed', async () => {
    const figures = ({ wallMs: _wallMs, ...rest }: RunResult) => rest;
    const run = () => runSimulation({ ...SHORT, pattern: 'random_days', policy: 'keep_3_days' });
    expect(figures(await run())).toEqual(figures(await run()));
  });
});
