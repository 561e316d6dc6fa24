/** Durations and the simulated calendar. */
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
/** A month, for "calls per shop per month". */
export const MONTH_MS = 30 * DAY_MS;

/** Monday 6 January 2025, 00:00 UTC: the simulated calendar is UTC, weeks start here. */
export const SIM_START = Date.UTC(2025, 0, 6);
