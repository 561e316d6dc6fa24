/** Deadlines in words people read at a glance, in the installed language. Pure: callers pass `now`. */
import { t, uiLanguage } from '../shared/i18n';

export { formatDate } from '../shared/dates';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** One formatter per language, made on first use. */
function cachedBy<T>(make: (language: string) => T): () => T {
  let made: { language: string; value: T } | undefined;
  return () => {
    const language = uiLanguage();
    if (made?.language !== language) made = { language, value: make(language) };
    return made.value;
  };
}

const relative = cachedBy((language) => new Intl.RelativeTimeFormat(language, { numeric: 'always' }));
type SpanUnit = 'day' | 'hour' | 'minute';
const spans = cachedBy((language) => ({
  day: new Intl.NumberFormat(language, { style: 'unit', unit: 'day', unitDisplay: 'long' }),
  hour: new Intl.NumberFormat(language, { style: 'unit', unit: 'hour', unitDisplay: 'long' }),
  minute: new Intl.NumberFormat(language, { style: 'unit', unit: 'minute', unitDisplay: 'long' }),
}));

/**
 * "in 29 days", "in 3 hours", "2 minutes ago", "in less than a minute", "now". Rounds toward zero so a
 * deadline is never shown as further away than it is.
 */
export function relativeTime(at: number, now: number): string {
  const diff = at - now;
  const size = Math.abs(diff);
  const sign = Math.sign(diff);
  if (size < 5 * SECOND) return t('time_now');
  if (size < MINUTE) return sign > 0 ? t('time_soon') : t('time_just_now');
  const format = relative();
  if (size < HOUR) return format.format(sign * Math.floor(size / MINUTE), 'minute');
  if (size < DAY) return format.format(sign * Math.floor(size / HOUR), 'hour');
  if (size < 90 * DAY) return format.format(sign * Math.floor(size / DAY), 'day');
  if (size < 730 * DAY) return format.format(sign * Math.floor(size / (30 * DAY)), 'month');
  return format.format(sign * Math.floor(size / (365 * DAY)), 'year');
}

/** "3 days", "1 hour", "30 minutes": a span rounded down to its largest whole unit. */
export function durationWords(ms: number): string {
  const [size, unit]: [number, SpanUnit] =
    ms >= DAY
      ? [Math.floor(ms / DAY), 'day']
      : ms >= HOUR
        ? [Math.floor(ms / HOUR), 'hour']
        : [Math.floor(ms / MINUTE), 'minute'];
  return spans()[unit].format(size);
}
