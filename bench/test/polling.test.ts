import { describe, expect, it } from 'vitest';
import { pollUntil, sampleEvery } from '../polling';
import { sleep } from '../progress';

describe('pollUntil', () => {
  it('returns the first value the probe gives', async () => {
    let calls = 0;
    const value = await pollUntil(1_000, 1, () => (++calls === 3 ? 'ready' : undefined));
    expect(value).toBe('ready');
    expect(calls).toBe(3);
  });

  it('gives up with undefined once the time is over, and stops asking', async () => {
    let calls = 0;
    expect(
      await pollUntil(30, 5, () => {
        calls += 1;
        return undefined;
      }),
    ).toBeUndefined();
    const asked = calls;
    await sleep(30);
    expect(calls).toBe(asked);
  });

  it('treats a probe that throws as not ready yet', async () => {
    let calls = 0;
    const value = await pollUntil(1_000, 1, async () => {
      calls += 1;
      if (calls < 2) throw new Error('worker restarting');
      return calls;
    });
    expect(value).toBe(2);
  });
});

describe('sampleEvery', () => {
  it('samples until stopped, then never again', async () => {
    let samples = 0;
    const stop = sampleEvery(1, async () => {
      samples += 1;
    });
    await sleep(20);
    await stop();
    const taken = samples;
    expect(taken).toBeGreaterThan(0);
    await sleep(20);
    expect(samples).toBe(taken);
  });
});
