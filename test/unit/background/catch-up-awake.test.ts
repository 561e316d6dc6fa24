/**
 * A wake may work through a backlog for minutes: the worker must not be stopped as idle meanwhile, so
 * the due-work run happens inside the keep-awake heartbeat.
 */
import { describe, expect, it } from 'vitest';
import type { KeepAwake } from '../../../src/grants/connect/ports';
import { createHarness } from './harness';

describe('catch-up', () => {
  it('runs the due work while keeping the worker awake', async () => {
    let awake = 0;
    const keepAwake: KeepAwake = async (task) => {
      awake++;
      try {
        return await task();
      } finally {
        awake--;
      }
    };
    const h = createHarness({ keepAwake });
    const listDue = h.stores.grants.listDue.bind(h.stores.grants);
    const awakeWhileListing: number[] = [];
    h.stores.grants.listDue = (now, limit) => {
      awakeWhileListing.push(awake);
      return listDue(now, limit);
    };

    await h.clock.run(h.worker.catchUp());

    expect(awakeWhileListing.length).toBeGreaterThan(0);
    expect(awakeWhileListing.every((depth) => depth > 0)).toBe(true);
    expect(awake).toBe(0);
  });
});
