/**
 * A run re-arms the alarm at its end; with work left (and no minimum delay, as for unpacked builds) that
 * alarm fires before the run has settled. It must start another run, not join the finishing one: found
 * by the benchmark (bench/), where 5,000 due grants stalled after the first wake.
 */
import { describe, expect, it } from 'vitest';
import { DUE_ALARM } from '../../../src/background/adapters/alarm-scheduler';
import { createHarness, type Harness, storeGrant } from './harness';

const DAY = 86_400_000;

/** The next re-arm first lets `beforeFiring` run, then fires the alarm at once, as Chrome does for a past time. */
function fireAlarmOnNextArm(h: Harness, beforeFiring: () => Promise<void>): void {
  const arm = h.scheduler.arm.bind(h.scheduler);
  let fired = false;
  h.scheduler.arm = async (when) => {
    await arm(when);
    if (fired) return;
    fired = true;
    await beforeFiring();
    void h.worker.onAlarm(DUE_ALARM);
  };
}

describe('a trigger during a run', () => {
  it('runs again for the alarm the run re-armed, so work left after it is not stranded', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const first = await storeGrant(h, app.id, 'a@shop.sg', '1');
    await h.clock.advance(DAY);
    const second = await storeGrant(h, app.id, 'b@shop.sg', '2');
    await h.clock.advanceTo(first.dueAt + 1);
    // While the first run re-arms, the second grant comes due and the alarm fires for it.
    fireAlarmOnNextArm(h, () => h.clock.advanceTo(second.dueAt + 1));

    const summary = await h.worker.catchUp();

    expect(h.tokens.refreshTokensSent).toEqual([first.refreshToken, second.refreshToken]);
    expect(summary.refreshed).toBe(2);
    expect(h.scheduler.current).toBe(h.stores.grants.peek(first.id)?.dueAt);
  });

  it('does not run again when nothing arrived during the run', async () => {
    const h = createHarness();
    const app = await h.addApp();
    const grant = await storeGrant(h, app.id, 'a@shop.sg', '1');
    await h.clock.advanceTo(grant.dueAt + 1);

    await h.worker.catchUp();

    expect(h.scheduler.armed).toHaveLength(1);
  });
});
