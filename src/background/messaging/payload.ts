/**
 * Pages are ours, but their messages are still data from another context: every handler reads its
 * payload through these checks and answers `invalid_input` (with the field) instead of crashing.
 */
import { SellerAuthError } from '../../shared/errors';

export type Fields = Record<string, unknown>;

export function invalid(field: string, message: string): SellerAuthError {
  return new SellerAuthError('invalid_input', message, { field });
}

export function fieldsOf(payload: unknown): Fields {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new SellerAuthError('invalid_input', 'The request is missing its details.');
  }
  return payload as Fields;
}

/** Like fieldsOf, but a missing payload counts as empty. */
export function optionalFieldsOf(payload: unknown): Fields {
  return payload === undefined || payload === null ? {} : fieldsOf(payload);
}

export function requiredString(fields: Fields, field: string): string {
  const value = fields[field];
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field, `${field} is required.`);
  return value;
}

/** Absent, null and blank all mean "not given". */
export function optionalString(fields: Fields, field: string): string | undefined {
  const value = fields[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(field, `${field} must be text.`);
  return value.trim() === '' ? undefined : value;
}

export function optionalInteger(fields: Fields, field: string, min: number, max: number): number | undefined {
  const value = fields[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `${field} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}
