/**
 * Defensive readers for the JSON the platforms send: numbers sometimes arrive as strings, ids as
 * numbers, and any field may be missing. Each reader answers `undefined` rather than guessing.
 */

export type JsonRecord = Record<string, unknown>;

export function asRecord(value: unknown): JsonRecord | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonRecord)
    : undefined;
}

/** A non-empty string, exactly as sent (tokens are opaque: never trimmed or converted). */
export function readString(record: JsonRecord, key: string): string | undefined {
  const value = record[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** An identifier: a non-empty string (trimmed) or an integer the JSON gave as a number. */
export function readId(record: JsonRecord, key: string): string | undefined {
  const value = record[key];
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return undefined;
}

const NUMERIC_TEXT = /^\s*-?\d+(\.\d+)?\s*$/;

/** A finite number, also when sent as a decimal string (`"expires_in": "10"`). */
export function readNumber(record: JsonRecord, key: string): number | undefined {
  const value = record[key];
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'string' && NUMERIC_TEXT.test(value)) return Number(value);
  return undefined;
}

/** A copy without the keys whose value is undefined, so stored records stay tidy. */
export function definedOnly<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
