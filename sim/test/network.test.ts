/** The simulated network's bookkeeping of lost refresh answers. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Sandbox } from '../../sandbox/types';
import { createNetwork, type LostHow } from '../network';
import { VirtualClock } from '../virtual-clock';

afterEach(() => vi.unstubAllGlobals());

function refresh(fetchFn: typeof fetch, refreshToken: string) {
  return fetchFn('http://127.0.0.1:1/rest/auth/token/refresh', {
    method: 'POST',
    body: new URLSearchParams({ refresh_token: refreshToken }).toString(),
  });
}

describe('the simulated network', () => {
  it('keeps the first loss of a token: the retry after a dropped answer does not relabel it', async () => {
    vi.stubGlobal('fetch', async () => new Response('{}'));
    const draws = [0.001, 0.015, 0.5];
    const faults: { mode: string }[] = [];
    const sandbox = {
      afterProcessingNext: (_method: string, _count: number, fault: { mode: string }) => faults.push(fault),
    } as unknown as Sandbox;
    const network = createNetwork({
      clock: new VirtualClock(0),
      sandbox,
      random: () => draws.shift() ?? 0.5,
      latencyMs: 0,
      lost: { droppedShare: 0.01, slowShare: 0.01, slowDelayMs: 20_000 },
      standingFault: () => false,
    });

    await refresh(network.fetch, 'spent');
    await refresh(network.fetch, 'spent');

    expect(faults.map((fault) => fault.mode)).toEqual(['drop', 'delay_ms']);
    expect(network.lostAnswers).toEqual(new Map<string, LostHow>([['spent', 'dropped']]));
    expect(network.calls.refresh).toBe(2);
  });
});
