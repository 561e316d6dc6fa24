/** The printed summary: one section per phase, from the results as written to JSON. */
import type { BundleSize } from './bundle-size';
import { RUN_BUDGET_MS } from './extrapolate';
import { formatBytes, formatCount, formatMs, type Section } from './report';
import type { BenchResults } from './results';
import { median, type Summary } from './stats';

function spread(summary: Summary | undefined): string {
  if (!summary || summary.runs === 0) return 'n/a';
  return `${formatMs(summary.median)} (min ${formatMs(summary.min)}, max ${formatMs(summary.max)}, ${summary.runs} runs)`;
}

function bundleLine(bundle: BundleSize): string {
  const lazyNames = bundle.lazy.map((file) => file.path.split('/').pop()).join(', ');
  const lazy = bundle.lazy.length ? ` + ${formatBytes(bundle.lazyGzipBytes)} lazy (${lazyNames})` : '';
  return `${formatBytes(bundle.gzipBytes)} in ${bundle.files.length} files (${formatBytes(bundle.bytes)} raw)${lazy}`;
}

function drainSection(results: BenchResults): Section[] {
  const { drain } = results;
  if (!drain) return [];
  const settings = results.config.extensionSettingsUsed;
  const { heap, alarms } = drain;
  const idle = alarms.idleBetweenWakesMs;
  return [
    {
      title: `1. Drain: ${formatCount(drain.grants)} grants due at once (sandbox cap ${drain.rateLimitPerSecond}/s)`,
      rows: [
        [
          'extension settings',
          `maxConcurrentRefreshes ${settings?.maxConcurrentRefreshes}, maxRefreshesPerMinute ${settings?.maxRefreshesPerMinute}`,
        ],
        [
          'time to drain',
          `${drain.drainSeconds.toFixed(1)} s${drain.outcome === 'drained' ? '' : ` (${drain.outcome.toUpperCase()})`}`,
        ],
        ['refreshed per second', drain.refreshedPerSecond.toFixed(1)],
        ['peak successes in one second', String(drain.peakSuccessesInOneSecond)],
        ['token.refresh calls per grant', drain.callsPerGrant.toFixed(3)],
        ['successful refreshes per grant', drain.successesPerGrant.toFixed(3)],
        ['ApiCallLimit answers', formatCount(drain.apiCallLimit)],
        ['IllegalRefreshToken answers', formatCount(drain.illegalRefreshToken)],
        ['refresh answers by outcome', JSON.stringify(drain.refreshCalls)],
        ['alarms in use (max sampled)', `${alarms.maxInUse} (${alarms.samples} samples)`],
        ['alarm wakes during the drain', String(alarms.wakes)],
        ['alarm created to first wake', formatMs(alarms.firstWakeMs)],
        ['idle between wakes (median)', formatMs(idle.length ? median(idle) : undefined)],
        [
          'worker heap before / peak / after',
          `${formatBytes(heap.beforeBytes)} / ${formatBytes(heap.peakBytes)} / ${formatBytes(heap.afterBytes)}`,
        ],
        ['heap measured with', heap.method],
      ],
    },
  ];
}

function defaultDrainSection({ defaultDrain }: BenchResults): Section {
  const { settings, unpacked, packed } = defaultDrain;
  return {
    title: `1b. Drain at the DEFAULT settings (${settings.maxRefreshesPerMinute}/min, ${settings.maxConcurrentRefreshes} at once): worked out, not measured`,
    rows: [
      ['at the pace alone', formatMs(unpacked.atPaceSeconds * 1000)],
      [`refreshes per ${RUN_BUDGET_MS / 1000} s wake`, String(unpacked.perWake)],
      [
        `unpacked (${formatMs(unpacked.alarmGapMs)} between wakes)`,
        `${formatMs(unpacked.withWakesSeconds * 1000)} over ${unpacked.wakes} wakes`,
      ],
      [
        `packed (${formatMs(packed.alarmGapMs)} alarm minimum)`,
        `${formatMs(packed.withWakesSeconds * 1000)} over ${packed.wakes} wakes`,
      ],
    ],
  };
}

function popupSection({ popup }: BenchResults): Section[] {
  if (!popup) return [];
  return [
    {
      title: `2. Popup with ${formatCount(popup.shops)} shops (medians)`,
      rows: [
        ['navigation to first shop row', spread(popup.firstRowMs)],
        [`search "${popup.search.term}" to its ${popup.search.matches} rows`, spread(popup.filterMs)],
        [`grants.list round trip (${formatBytes(popup.listReplyBytes)} reply)`, spread(popup.listMs)],
      ],
    },
  ];
}

function bundleSection({ bundles, coldStart, config }: BenchResults): Section {
  return {
    title: '3. Bundles (dist/) and worker cold start',
    rows: [
      ['popup: JS + CSS + HTML, gzipped', bundleLine(bundles.popup)],
      ['worker: JS, gzipped', bundleLine(bundles.worker)],
      ['cold start to first reply, no shops', spread(coldStart.noShops)],
      [`cold start to first reply, ${formatCount(config.grants)} shops`, spread(coldStart.withShops)],
    ],
  };
}

export function resultSections(results: BenchResults): Section[] {
  return [
    ...drainSection(results),
    defaultDrainSection(results),
    ...popupSection(results),
    bundleSection(results),
  ];
}
