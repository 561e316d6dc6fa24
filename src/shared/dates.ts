/** Calendar dates in the installed language, for the pages and the worker's notifications. */
import { uiLanguage } from './i18n';

let cached: { language: string; format: Intl.DateTimeFormat } | undefined;

/** "12 Jan 2027, 14:05" in English; each language's own order, calendar and digits otherwise. */
export function formatDate(at: number): string {
  const language = uiLanguage();
  if (cached?.language !== language) {
    const format = new Intl.DateTimeFormat(language, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    cached = { language, format };
  }
  return cached.format.format(at);
}
