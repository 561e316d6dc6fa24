/** The shape of bench/results/*.json: everything measured in one run, and what it ran on. */
import type { Settings } from '../src/shared/model';
import type { BundleSize, CatalogSize } from './bundle-size';
import type { Check } from './checks';
import type { BenchConfig } from './config';
import type { DrainResult } from './drain';
import type { DrainEstimate } from './extrapolate';
import type { PopupResult, PopupScaleResult } from './popup-timing';
import type { Summary } from './stats';

export interface DefaultDrainEstimate {
  settings: Settings;
  unpacked: DrainEstimate & { alarmGapMs: number };
  packed: DrainEstimate & { alarmGapMs: number };
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  machine: {
    platform: string;
    arch: string;
    cpus: number;
    cpuModel: string;
    totalMemoryBytes: number;
    node: string;
    chromium: string;
  };
  config: BenchConfig & { extensionSettingsUsed: Settings | undefined };
  seeding: { seconds: number | undefined };
  drain: DrainResult | undefined;
  /** Worked out from the settings and the measured wake gap (kept for comparison). */
  defaultDrain: DefaultDrainEstimate;
  /** The same backlog due again, drained at the default settings: measured. */
  defaultDrainMeasured?: DrainResult | undefined;
  /** First row and first reply at each shop count measured (50, 5,000, 20,000). */
  popupAt?: PopupScaleResult[];
  popup: (PopupResult & { bundleCheck?: { notLoaded: string[]; missed: string[] } }) | undefined;
  bundles: { popup: BundleSize; worker: BundleSize };
  /** Each language's messages.json in dist/ (Chrome reads the one it uses; no page script loads it). */
  catalogs?: CatalogSize[];
  coldStart: { noShops?: Summary; withShops?: Summary };
  checks: Check[];
  errors: string[];
}
