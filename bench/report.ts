/** The benchmark's output: a table for people, JSON for machines (latest.json plus a timestamped copy). */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Check } from './checks';

export type Row = readonly [label: string, value: string];

export interface Section {
  title: string;
  rows: readonly Row[];
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MiB`
    : `${(bytes / 1024).toFixed(1)} KiB`;
}

export function formatMs(ms: number | undefined): string {
  if (ms === undefined || Number.isNaN(ms)) return 'n/a';
  if (ms >= 5 * 60_000) return `${(ms / 60_000).toFixed(1)} min`;
  return ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`;
}

export function formatCount(value: number): string {
  return value.toLocaleString('en');
}

/** Sections as one aligned two-column table. */
export function renderTable(sections: readonly Section[]): string {
  const width = Math.max(0, ...sections.flatMap((section) => section.rows.map(([label]) => label.length)));
  const lines: string[] = [];
  for (const section of sections) {
    lines.push('', section.title, '-'.repeat(section.title.length));
    for (const [label, value] of section.rows) lines.push(`  ${label.padEnd(width)}  ${value}`);
  }
  return lines.join('\n');
}

export function renderChecks(checks: readonly Check[]): string {
  return checks.map((check) => `  ${check.ok ? 'ok  ' : 'FAIL'}  ${check.name}: ${check.detail}`).join('\n');
}

/** `2026-01-31T12-00-00-000Z.json`: sortable, and legal on every file system. */
export function timestampedName(at: Date): string {
  return `${at.toISOString().replace(/[:.]/g, '-')}.json`;
}

export async function writeResults(dir: string, results: object, at: Date): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const text = `${JSON.stringify(results, null, 2)}\n`;
  const paths = [join(dir, 'latest.json'), join(dir, timestampedName(at))];
  for (const path of paths) await writeFile(path, text);
  return paths;
}
