/** One line of the activity log: when, which shop, what happened, and the outcome in words. */
import type { JSX } from 'preact';
import { isRetryable } from '../shared/errors';
import { t } from '../shared/i18n';
import type { ActivityEntry } from '../shared/model';
import { describeError } from '../ui/error-words';
import { formatDate, relativeTime } from '../ui/time-words';
import { eventLabel } from './activity-words';

export function ActivityRow(props: { entry: ActivityEntry; now: number }): JSX.Element {
  const { entry } = props;
  return (
    <tr>
      <td>
        <time dateTime={new Date(entry.at).toISOString()}>{formatDate(entry.at)}</time>
        <span class="muted"> · {relativeTime(entry.at, props.now)}</span>
      </td>
      <td>{entry.account ?? '—'}</td>
      <td>
        {eventLabel(entry.kind)}
        {entry.caller && <span class="muted"> · {callerWords(entry.caller)}</span>}
      </td>
      <td>{outcome(entry)}</td>
    </tr>
  );
}

/** `ext:<id>` or `origin:<origin>`, as a person reads it. */
export function callerWords(caller: string): string {
  if (caller.startsWith('ext:')) return `extension ${caller.slice(4)}`;
  if (caller.startsWith('origin:')) return `page ${caller.slice(7)}`;
  return caller;
}

function outcome(entry: ActivityEntry): string {
  if (!entry.errorCode) return entry.detail ?? '';
  const words = describeError({
    code: entry.errorCode,
    message: entry.detail ?? '',
    retryable: isRetryable(entry.errorCode),
  });
  return t('error_line', words.title, words.detail);
}
