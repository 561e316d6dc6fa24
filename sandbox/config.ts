/** Runtime settings of the sandbox: defaults, and the checks every outside change goes through. */
import type { SandboxConfig } from './types';

const DAY = 24 * 60 * 60;

/** Lazada test-app lifetimes (docs/protocol.md#lifetimes): 7 days access, 30 days refresh. */
export const DEFAULT_CONFIG: Readonly<SandboxConfig> = {
  accessTtlSeconds: 7 * DAY,
  refreshTtlSeconds: 30 * DAY,
  refreshDisabled: false,
  codeTtlSeconds: 30 * 60,
  timestampWindowSeconds: 7200,
  numbersAsStrings: false,
  countryListName: 'country_user_info',
  rateLimitPerSecond: 0,
};

/** Thrown for a bad setting or admin request; the admin API answers it with HTTP 400. */
export class SandboxInputError extends Error {
  override readonly name = 'SandboxInputError';
}

type Check = (value: unknown, key: string) => unknown;

const positiveSeconds: Check = (value, key) => {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  throw new SandboxInputError(`${key} must be a whole number of seconds, at least 1`);
};

const nonNegativeInteger: Check = (value, key) => {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw new SandboxInputError(`${key} must be a whole number, 0 or more`);
};

const boolean: Check = (value, key) => {
  if (typeof value === 'boolean') return value;
  throw new SandboxInputError(`${key} must be true or false`);
};

const countryListName: Check = (value, key) => {
  if (value === 'country_user_info' || value === 'country_user_info_list') return value;
  throw new SandboxInputError(`${key} must be "country_user_info" or "country_user_info_list"`);
};

const CHECKS: Record<keyof SandboxConfig, Check> = {
  accessTtlSeconds: positiveSeconds,
  refreshTtlSeconds: positiveSeconds,
  refreshDisabled: boolean,
  codeTtlSeconds: positiveSeconds,
  timestampWindowSeconds: positiveSeconds,
  numbersAsStrings: boolean,
  countryListName,
  rateLimitPerSecond: nonNegativeInteger,
};

function isConfigKey(key: string): key is keyof SandboxConfig {
  return Object.hasOwn(CHECKS, key);
}

/**
 * Validates a partial config from anywhere (JSON, CLI, code). `undefined` values are skipped;
 * keys that are not settings are ignored only when `ignoreOtherKeys` (a config file holds apps too).
 */
export function parseConfigChange(input: unknown, ignoreOtherKeys = false): Partial<SandboxConfig> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new SandboxInputError('config must be an object');
  }
  const change: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input)) {
    if (!isConfigKey(key)) {
      if (ignoreOtherKeys) continue;
      throw new SandboxInputError(`unknown setting ${key}`);
    }
    if (value !== undefined) change[key] = CHECKS[key](value, key);
  }
  return change as Partial<SandboxConfig>;
}
