/**
 * The gateway's bad days, placed on fixed weekdays in office hours so every browser pattern can meet
 * them: a 6-hour outage (HTTP 500 on both token endpoints) on a Tuesday a quarter of the way in, and a
 * 2-hour `ApiCallLimit` storm from 09:00 on a Monday a little past half way (the weekday browsers start
 * into it with a weekend of due work).
 */
import type { FaultKind, Sandbox } from '../sandbox/types';
import { DAY_MS, HOUR_MS } from './time';

export interface FaultWindow {
  name: 'outage' | 'storm';
  kind: Extract<FaultKind, 'http500' | 'apiCallLimit'>;
  from: number;
  to: number;
}

export interface FaultChoice {
  outage: boolean;
  storm: boolean;
}

export function faultWindows(start: number, days: number, choice: FaultChoice): FaultWindow[] {
  const weeks = Math.floor(days / 7);
  const day = (week: number, weekday: number) => start + (week * 7 + weekday) * DAY_MS;
  const windows: FaultWindow[] = [];
  if (choice.outage) {
    const from = day(Math.floor(weeks * 0.25), 1) + 10 * HOUR_MS;
    windows.push({ name: 'outage', kind: 'http500', from, to: from + 6 * HOUR_MS });
  }
  if (choice.storm) {
    const from = day(Math.floor(weeks * 0.55), 0) + 9 * HOUR_MS;
    windows.push({ name: 'storm', kind: 'apiCallLimit', from, to: from + 2 * HOUR_MS });
  }
  return windows;
}

/** Sets the sandbox's standing faults for the windows open at `now`. */
export function applyFaults(sandbox: Sandbox, windows: readonly FaultWindow[], now: number): void {
  const active = windows.find((window) => window.from <= now && now < window.to);
  for (const endpoint of ['token.create', 'token.refresh'] as const) {
    sandbox.setFaults(endpoint, active ? { fail: active.kind } : {});
  }
}

export function activeFault(windows: readonly FaultWindow[], now: number): FaultWindow | undefined {
  return windows.find((window) => window.from <= now && now < window.to);
}
