import type { Clock } from '../../grants/ports';

export const systemClock: Clock = { now: () => Date.now() };
