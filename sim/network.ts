/**
 * The network between the worker and the sandbox: real HTTP over loopback (the token client's own
 * fetch), plus what a simulation needs around it. Each call takes virtual round-trip time, is counted,
 * and a seeded share of refresh answers is lost after the gateway processed them: dropped, or sent later
 * than the client waits (the sandbox's `after_processing` fault does the losing).
 */
import type { Sandbox } from '../sandbox/types';
import type { VirtualClock } from './virtual-clock';

export interface LostAnswers {
  /** Share of refresh calls whose answer is dropped after processing. */
  droppedShare: number;
  /** Share of refresh calls answered only after `slowDelayMs` (longer than the client's timeout). */
  slowShare: number;
  slowDelayMs: number;
}

export interface NetworkOptions {
  clock: VirtualClock;
  sandbox: Sandbox;
  random: () => number;
  /** Virtual round trip per call. */
  latencyMs: number;
  lost: LostAnswers;
  /** True while a standing fault (outage, storm) answers every call: no answer is processed to lose. */
  standingFault: () => boolean;
}

export type LostHow = 'dropped' | 'slow';

export interface Network {
  fetch: typeof fetch;
  readonly calls: { create: number; refresh: number };
  /** The refresh tokens sent in calls whose answer was lost, and how: a grant that dies holding one was killed by it. */
  readonly lostAnswers: ReadonlyMap<string, LostHow>;
}

const REFRESH_PATH = '/rest/auth/token/refresh';
const CREATE_PATH = '/rest/auth/token/create';

export function createNetwork(options: NetworkOptions): Network {
  const calls = { create: 0, refresh: 0 };
  const lostAnswers = new Map<string, LostHow>();

  const simFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.pathname === CREATE_PATH) calls.create += 1;
    if (url.pathname === REFRESH_PATH) {
      calls.refresh += 1;
      const refreshToken = new URLSearchParams(String(init?.body ?? '')).get('refresh_token') ?? '';
      const how = options.standingFault() ? undefined : drawLoss(options);
      if (how === 'dropped') options.sandbox.afterProcessingNext('token.refresh', 1, { mode: 'drop' });
      if (how === 'slow') {
        options.sandbox.afterProcessingNext('token.refresh', 1, {
          mode: 'delay_ms',
          delayMs: options.lost.slowDelayMs,
        });
      }
      // The first loss names what happened to this token: a retry of a dropped answer resends the spent
      // token, and a loss drawn for that retry must not relabel the drop.
      if (how && !lostAnswers.has(refreshToken)) lostAnswers.set(refreshToken, how);
    }
    await options.clock.sleep(options.latencyMs);
    return globalThis.fetch(input, init);
  };

  return { fetch: simFetch, calls, lostAnswers };
}

function drawLoss({ random, lost }: NetworkOptions): LostHow | undefined {
  const draw = random();
  if (draw < lost.droppedShare) return 'dropped';
  if (draw < lost.droppedShare + lost.slowShare) return 'slow';
  return undefined;
}
