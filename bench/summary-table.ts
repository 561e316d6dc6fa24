/** The printed summary: one section per phase, from the results as written to JSON. */
import type { BundleSize } from './bundle-size';
import type { PopupScaleResult } from './popup-timing';
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

function defaultDrainSection({ defaultDrain, defaultDrainMeasured: measured }: BenchResults): Section {
  const { settings, unpacked, packed } = defaultDrain;
  const pace = `${settings.maxRefreshesPerMinute}/min, ${settings.maxConcurrentRefreshes} at once`;
  if (!measured) {
    return {
      title: `1b. Drain at the DEFAULT settings (${pace}): NOT MEASURED (see errors); worked out`,
      rows: [
        [
          `unpacked (${formatMs(unpacked.alarmGapMs)} between wakes)`,
          formatMs(unpacked.withWakesSeconds * 1000),
        ],
      ],
    };
  }
  return {
    title: `1b. Drain at the DEFAULT settings (${pace}): ${formatCount(measured.grants)} grants due again, measured`,
    rows: [
      [
        'time to drain',
        `${measured.drainSeconds.toFixed(1)} s (${formatMs(measured.drainSeconds * 1000)})${measured.outcome === 'drained' ? '' : ` (${measured.outcome.toUpperCase()})`}`,
      ],
      ['refreshed per minute', (measured.refreshedPerSecond * 60).toFixed(1)],
      ['successful refreshes per grant', measured.successesPerGrant.toFixed(3)],
      ['alarm wakes during the drain', String(measured.alarms.wakes)],
      [
        'ApiCallLimit / IllegalRefreshToken answers',
        `${measured.apiCallLimit} / ${measured.illegalRefreshToken}`,
      ],
      [
        'worked out beforehand (unpacked / packed)',
        `${formatMs(unpacked.withWakesSeconds * 1000)} / ${formatMs(packed.withWakesSeconds * 1000)}`,
      ],
    ],
  };
}

/** A shop count's first-row figures: a running worker, then (when measured) a stopped one woken. */
export function popupAtRows(run: PopupScaleResult): [string, string][] {
  const shops = `${formatCount(run.shops)} shops`;
  const rows: [string, string][] = [
    [
      `${shops}: navigation to first shop row / first grants.query reply`,
      `${spread(run.firstRowMs)} / ${formatBytes(run.listReplyBytes)}`,
    ],
  ];
  if (run.workerAsleepMs)
    rows.push([`${shops}, waking a stopped worker: to first shop row`, spread(run.workerAsleepMs)]);
  return rows;
}

function popupSection({ popup, popupAt = [] }: BenchResults): Section[] {
  const rows = popupAt.flatMap(popupAtRows);
  if (popup) {
    rows.push([
      `${formatCount(popup.shops)} shops: search "${popup.search.term}" to its ${popup.search.matches} rows`,
      spread(popup.filterMs),
    ]);
    for (const filter of popup.filters) {
      rows.push([
        `${formatCount(popup.shops)} shops: ${filter.name} filter to its ${formatCount(filter.matches)} shops`,
        spread(filter.ms),
      ]);
    }
    rows.push([`grants.query round trip (first window)`, spread(popup.listMs)]);
    rows.push([
      'reply after a change signal naming one shop',
      popup.changeReplyBytes === undefined ? 'not measured' : formatBytes(popup.changeReplyBytes),
    ]);
  }
  if (rows.length === 0) return [];
  return [{ title: '2. Popup (medians)', rows }];
}

/** The largest catalog, and the popup's first load with it (what its words cost, read by Chrome). */
export function catalogRows({ bundles, catalogs }: BenchResults): [string, string][] {
  const largest = [...(catalogs ?? [])].sort((a, b) => b.gzipBytes - a.gzipBytes)[0];
  if (!largest) return [];
  const js = bundles.popup.files.filter((file) => file.path.endsWith('.js'));
  const jsGzip = js.reduce((total, file) => total + file.gzipBytes, 0);
  return [
    ['popup: first-load JS only, gzipped (goal <= 20 KiB)', formatBytes(jsGzip)],
    [
      `language catalogs (${catalogs?.length}), gzipped`,
      `largest ${largest.language} ${formatBytes(largest.gzipBytes)}; popup JS with it ${formatBytes(jsGzip + largest.gzipBytes)}`,
    ],
  ];
}

function bundleSection(results: BenchResults): Section {
  const { bundles, coldStart, config } = results;
  return {
    title: '3. Bundles (dist/) and worker cold start',
    rows: [
      ['popup: JS + CSS + HTML, gzipped', bundleLine(bundles.popup)],
      ...catalogRows(results),
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
