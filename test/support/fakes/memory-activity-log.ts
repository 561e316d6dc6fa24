/** An in-memory ActivityLog, held to the IndexedDB log's contract. */
import type { ActivityLog } from '../../../src/grants/ports';
import { prepareActivityEntry } from '../../../src/grants/store/activity-entry';
import { readLimit } from '../../../src/grants/store/read-limit';
import type { ActivityEntry } from '../../../src/shared/model';
import { yieldOnce } from './shared';

/**
 * Keeps the `limit` entries added last (and each shop's `perShop` newest), numbered in order, through the real store's entry preparation
 * (checks, redaction, caps); lists newest first by time, as the real log's `at` index does.
 */
export class FakeActivityLog implements ActivityLog {
  private readonly rows: ActivityEntry[] = [];
  private nextId = 1;
  private readonly limit: number;
  private readonly perShop: number;

  constructor(limit = 1000, perShop = 100) {
    this.limit = Math.max(1, Math.floor(limit));
    this.perShop = Math.max(1, Math.floor(perShop));
  }

  /** In the order added, for assertions. */
  get entries(): ActivityEntry[] {
    return structuredClone(this.rows);
  }

  async add(entry: Omit<ActivityEntry, 'id'>): Promise<void> {
    await yieldOnce();
    const added = { ...structuredClone(prepareActivityEntry(entry)), id: this.nextId++ };
    this.rows.push(added);
    if (added.grantId !== undefined) {
      const shop = this.rows.filter((row) => row.grantId === added.grantId);
      const dropped = new Set(shop.slice(0, Math.max(0, shop.length - this.perShop)));
      if (dropped.size > 0)
        this.rows.splice(0, this.rows.length, ...this.rows.filter((row) => !dropped.has(row)));
    }
    if (this.rows.length > this.limit) this.rows.splice(0, this.rows.length - this.limit);
  }

  async list(filter: { grantId?: string; limit?: number } = {}): Promise<ActivityEntry[]> {
    await yieldOnce();
    const limit = readLimit(filter.limit);
    if (limit.kind === 'none') return [];
    const matching = this.rows
      .filter((entry) => filter.grantId === undefined || entry.grantId === filter.grantId)
      .sort((a, b) => b.at - a.at || (b.id ?? 0) - (a.id ?? 0));
    return structuredClone(limit.kind === 'at_most' ? matching.slice(0, limit.count) : matching);
  }
}
