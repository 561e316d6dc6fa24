/** The simulation's figures as one markdown table (printed, and in the README) and as JSON. */
import { PATTERN_LABELS } from './availability';
import { POLICY_LABELS, type RunResult } from './run-simulation';

const HEADERS = [
  'browser',
  'policy',
  'downtime min/shop (of it dead after a loss)',
  'shops with downtime',
  'avoidable losses (after slow answer / other)',
  'lost to dropped answers',
  'forced re-auths (at deadline)',
  'warned 7 d ahead',
  'warned in last 7 d, browser open then',
  'reminders skipped',
  'calls/shop/month',
  'alarms in use',
] as const;

function fixed(value: number, digits = 1): string {
  return value.toFixed(digits);
}

export function row(result: RunResult): string[] {
  const { downtime, avoidableLosses: lost, forced, reminders, calls, alarms } = result;
  return [
    PATTERN_LABELS[result.options.pattern],
    POLICY_LABELS[result.options.policy],
    `${fixed(downtime.meanMinutesPerShop)} (${fixed(downtime.meanMinutesWhileDead)})`,
    `${downtime.shopsAffected}/${result.options.shops}`,
    `${lost.total} (${lost.afterSlowAnswer} / ${lost.other})`,
    String(result.lostToDroppedAnswers),
    `${forced.total} (${forced.atDeadline})`,
    `${forced.warned7DaysAhead}/${forced.atDeadline}`,
    `${forced.warnedInLast7DaysWhenOpen}/${forced.openInLast7Days}`,
    `${reminders.skipped}/${reminders.judged}${reminders.repeated > 0 ? ` (${reminders.repeated} repeated)` : ''}`,
    fixed(calls.perShopPerMonth, 2),
    String(alarms.maxInUse),
  ];
}

export function summaryTable(results: readonly RunResult[]): string {
  const lines = [HEADERS, HEADERS.map(() => '---'), ...results.map(row)];
  return lines.map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

/** Everything but the per-re-authorization lists, which are long; those go in `details`. */
export function resultsJson(results: readonly RunResult[], meta: Record<string, unknown>): string {
  return JSON.stringify(
    {
      ...meta,
      runs: results.map(({ forcedList, ...figures }) => figures),
      details: results.map((result) => ({
        pattern: result.options.pattern,
        policy: result.options.policy,
        forcedReauthorizations: result.forcedList,
      })),
    },
    null,
    2,
  );
}
