/** Deadlines in words people read at a glance. Pure: callers pass `now`. */

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });

/**
 * "in 29 days", "in 3 hours", "2 minutes ago", "in less than a minute", "now". Rounds toward zero so a deadline is never
 * shown as further away than it is.
 */
export function relativeTime(at: number, now: number): string {
  const diff = at - now;
  const size = Math.abs(diff);
  const sign = Math.sign(diff);
  if (size < 5 * SECOND) return 'now';
  if (size < MINUTE) return sign > 0 ? 'in less than a minute' : 'less than a minute ago';
  if (size < HOUR) return relative.format(sign * Math.floor(size / MINUTE), 'minute');
  if (size < DAY) return relative.format(sign * Math.floor(size / HOUR), 'hour');
  if (size < 90 * DAY) return relative.format(sign * Math.floor(size / DAY), 'day');
  if (size < 730 * DAY) return relative.format(sign * Math.floor(size / (30 * DAY)), 'month');
  return relative.format(sign * Math.floor(size / (365 * DAY)), 'year');
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "12 Jan 2027, 14:05" in local time; built by hand so it does not vary with the ICU version. */
export function formatDate(at: number): string {
  const date = new Date(at);
  const hours = String(date.getHours()).padStart(2, '0');
  const minutes = String(date.getMinutes()).padStart(2, '0');
  return `${date.getDate()} ${MONTHS[date.getMonth()]} ${date.getFullYear()}, ${hours}:${minutes}`;
}

/** "3 days", "1 hour", "30 minutes": a span rounded down to its largest whole unit. */
export function durationWords(ms: number): string {
  const [size, unit] =
    ms >= DAY
      ? [Math.floor(ms / DAY), 'day']
      : ms >= HOUR
        ? [Math.floor(ms / HOUR), 'hour']
        : [Math.floor(ms / MINUTE), 'minute'];
  return `${size} ${unit}${size === 1 ? '' : 's'}`;
}
