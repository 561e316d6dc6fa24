/** The request log: the newest `limit` entries, oldest dropped first. */
import type { LogEntry } from './types';

export interface RequestLog {
  add(entry: LogEntry): void;
  entries(): LogEntry[];
  clear(): void;
}

export function createRequestLog(limit: number): RequestLog {
  let entries: LogEntry[] = [];
  return {
    add(entry) {
      entries.push(entry);
      // Trim in batches so a full log does not shift the whole array on every request.
      if (entries.length > limit * 2) entries = entries.slice(-limit);
    },
    entries() {
      return entries.slice(-limit);
    },
    clear() {
      entries = [];
    },
  };
}
