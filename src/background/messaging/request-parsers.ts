/**
 * The worker's one edge for page input. Pages are ours, but their messages are still data from
 * another context: each message type has a parser here that turns its payload into the typed request
 * (or an `invalid_input` naming the field), and the handlers trust what they get. The table is mapped
 * over the protocol, so a message type without a parser fails the type check.
 */
import { missingSecretWords, type ValidAppInput, validateAppInput } from '../../platforms/app-input';
import { SellerAuthError } from '../../shared/errors';
import { type GrantQuery, type HealthFilter, MAX_QUERY_LIMIT } from '../../shared/grant-query';
import type { AppInput, Settings } from '../../shared/model';
import {
  COUNTRIES,
  type Country,
  ENDPOINT_FIELDS,
  type EndpointUrls,
  PLATFORM_IDS,
  type PlatformId,
} from '../../shared/platform';
import type { MessageType, RequestOf, ResponseOf } from '../../shared/protocol';
import { normalizeSettingsChange } from '../../shared/settings-change';
import { type ConsentAnswer, TOOLS_MODES, type ToolsMode } from '../../shared/tools';

/** What a handler receives: the protocol's request, narrowed where parsing proved more. */
interface Narrowed {
  'apps.save': ValidAppInput;
  'settings.save': Partial<Settings>;
  'activity.list': { grantId?: string; limit: number };
}
export type ParsedRequest<T extends MessageType> = T extends keyof Narrowed ? Narrowed[T] : RequestOf<T>;

export type Handlers = { [T in MessageType]: (input: ParsedRequest<T>) => Promise<ResponseOf<T>> };
type RequestParsers = { [T in MessageType]: (payload: unknown) => ParsedRequest<T> };

type Fields = Record<string, unknown>;

export function invalid(field: string, message: string): SellerAuthError {
  return new SellerAuthError('invalid_input', message, { field });
}

function fieldsOf(payload: unknown): Fields {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new SellerAuthError('invalid_input', 'The request is missing its details.');
  }
  return payload as Fields;
}

/** Like fieldsOf, but a missing payload counts as empty. */
function optionalFieldsOf(payload: unknown): Fields {
  return payload === undefined || payload === null ? {} : fieldsOf(payload);
}

function requiredString(fields: Fields, field: string): string {
  const value = fields[field];
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field, `${field} is required.`);
  return value;
}

/** Absent, null and blank all mean "not given". */
function optionalString(fields: Fields, field: string): string | undefined {
  const value = fields[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(field, `${field} must be text.`);
  return value.trim() === '' ? undefined : value;
}

function optionalInteger(fields: Fields, field: string, min: number, max: number): number | undefined {
  const value = fields[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(field, `${field} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

function countriesOf(fields: Fields): Country[] | undefined {
  const value = fields.countries;
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw invalid('countries', 'Countries must be a list.');
  const countries = value.filter((item): item is Country => COUNTRIES.some((country) => country === item));
  if (countries.length !== value.length)
    throw invalid('countries', 'One of the chosen countries is not available.');
  return countries;
}

/** The shape of `apps.save` (text where text belongs), before the one app check. */
function appInputOf(fields: Fields): AppInput {
  const given = fields.endpoints === undefined || fields.endpoints === null ? {} : fieldsOf(fields.endpoints);
  const endpoints: Partial<EndpointUrls> = {};
  for (const field of ENDPOINT_FIELDS) {
    const value = optionalString(given, field);
    if (value !== undefined) endpoints[field] = value;
  }
  const id = optionalString(fields, 'id');
  const appSecret = optionalString(fields, 'appSecret');
  return {
    ...(id !== undefined ? { id } : {}),
    name: optionalString(fields, 'name') ?? '',
    platform: optionalString(fields, 'platform') as AppInput['platform'],
    appKey: optionalString(fields, 'appKey') ?? '',
    ...(appSecret !== undefined ? { appSecret } : {}),
    callbackUrl: optionalString(fields, 'callbackUrl') ?? '',
    endpoints,
    ...(fields.customGateway === true ? { customGateway: true } : {}),
  };
}

/** Every problem names its field; the secret is optional here, the handler knows whether one is stored. */
function parseAppSave(payload: unknown): ValidAppInput {
  const checked = validateAppInput(appInputOf(fieldsOf(payload)), { secretRequired: false });
  if (checked.ok) return checked.app;
  const [field, message] = Object.entries(checked.problems)[0] ?? ['name', 'Check the details.'];
  throw invalid(field, message);
}

/** "Enter the app secret." for an app that has none stored, with the same words as the page. */
export function missingSecret(): SellerAuthError {
  return invalid('appSecret', missingSecretWords());
}

const DEFAULT_ACTIVITY_LIMIT = 200;
const MAX_ACTIVITY_LIMIT = 1000;

/** Chrome refuses extension messages over 64 MiB; a file this large is not ours. */
export const MAX_BACKUP_TEXT_LENGTH = 64 * 1024 * 1024;

/** Any text: an empty passphrase is refused by the backup core with its own named error. */
function passphraseOf(fields: Fields): string {
  if (typeof fields.passphrase !== 'string') throw invalid('passphrase', 'passphrase must be text.');
  return fields.passphrase;
}

function optionalFlag(fields: Fields, field: string): boolean {
  const value = fields[field];
  if (value === undefined || value === null) return false;
  if (typeof value !== 'boolean') throw invalid(field, `${field} must be true or false.`);
  return value;
}

function backupTextOf(fields: Fields): string {
  const value = fields.text;
  if (typeof value !== 'string' || value.length === 0) throw invalid('text', 'Choose a backup file.');
  if (value.length > MAX_BACKUP_TEXT_LENGTH) throw invalid('text', 'This file is too large to be a backup.');
  return value;
}

const backupFileOf = (payload: unknown) => {
  const fields = fieldsOf(payload);
  return { text: backupTextOf(fields), passphrase: passphraseOf(fields) };
};

// The shop list query (`grants.query`): a window, filters and search text, all bounded.
const MAX_SEARCH_LENGTH = 200;
const MAX_QUERY_OFFSET = 10_000_000;
/** A change signal names at most a few hundred shops; a page asks about no more at once. */
const MAX_QUERY_IDS = 500;
const DEFAULT_QUERY_LIMIT = 50;
const HEALTH_FILTERS: readonly HealthFilter[] = [
  'all',
  'attention',
  'needs_authorization',
  'failing',
  'expiring',
  'connected',
  'moved',
];

function choiceOf<T extends string>(fields: Fields, field: string, choices: readonly T[]): T {
  const value = optionalString(fields, field) ?? 'all';
  const choice = choices.find((item) => item === value);
  if (choice === undefined) throw invalid(field, `${field} is not one of the choices.`);
  return choice;
}

function boundedText(fields: Fields, field: string, max: number): string | undefined {
  const value = optionalString(fields, field);
  if (value !== undefined && value.length > max) throw invalid(field, `${field} is too long.`);
  return value;
}

function optionalIds(fields: Fields, field: string): string[] | undefined {
  const value = fields[field];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.length > MAX_QUERY_IDS || value.some((id) => typeof id !== 'string')) {
    throw invalid(field, `${field} must be a list of at most ${MAX_QUERY_IDS} shop ids.`);
  }
  return value as string[];
}

function parseGrantQuery(payload: unknown): GrantQuery {
  const fields = optionalFieldsOf(payload);
  const around = boundedText(fields, 'around', MAX_SEARCH_LENGTH);
  const have = optionalIds(fields, 'have');
  const changed = optionalIds(fields, 'changed');
  return {
    text: boundedText(fields, 'text', MAX_SEARCH_LENGTH) ?? '',
    platform: choiceOf<PlatformId | 'all'>(fields, 'platform', ['all', ...PLATFORM_IDS]),
    health: choiceOf(fields, 'health', HEALTH_FILTERS),
    country: (boundedText(fields, 'country', 16) ?? 'all').toLowerCase(),
    appId: boundedText(fields, 'appId', MAX_SEARCH_LENGTH) ?? 'all',
    offset: optionalInteger(fields, 'offset', 0, MAX_QUERY_OFFSET) ?? 0,
    limit: optionalInteger(fields, 'limit', 1, MAX_QUERY_LIMIT) ?? DEFAULT_QUERY_LIMIT,
    ...(around !== undefined ? { around } : {}),
    ...(have !== undefined ? { have } : {}),
    ...(changed !== undefined ? { changed } : {}),
  };
}

const noPayload = (): undefined => undefined;

/** The consent window's answer: the shops the person ticked and tokens-or-proxy. */
function parseConsentAnswer(payload: unknown): ConsentAnswer {
  const fields = fieldsOf(payload);
  const shopIds = fields.shopIds ?? [];
  if (!Array.isArray(shopIds) || shopIds.some((id) => typeof id !== 'string')) {
    throw invalid('shopIds', 'shopIds must be a list of shop ids.');
  }
  const mode = fields.mode ?? 'proxy';
  if (!TOOLS_MODES.some((known) => known === mode)) throw invalid('mode', 'mode must be tokens or proxy.');
  return {
    id: requiredString(fields, 'id'),
    approve: optionalFlag(fields, 'approve'),
    shopIds: shopIds as string[],
    mode: mode as ToolsMode,
  };
}
const grantIdOf = (payload: unknown) => ({ grantId: requiredString(fieldsOf(payload), 'grantId') });

const REQUEST_PARSERS: RequestParsers = {
  'extension.info': noPayload,
  'apps.list': noPayload,
  'apps.save': parseAppSave,
  'apps.remove': (payload) => ({ appId: requiredString(fieldsOf(payload), 'appId') }),
  'connect.start': (payload) => {
    const fields = fieldsOf(payload);
    const countries = countriesOf(fields);
    const reauthorizeGrantId = optionalString(fields, 'reauthorizeGrantId');
    return {
      appId: requiredString(fields, 'appId'),
      ...(countries ? { countries } : {}),
      ...(reauthorizeGrantId ? { reauthorizeGrantId } : {}),
    };
  },
  'connect.status': noPayload,
  'connect.dismiss': noPayload,
  'grants.list': noPayload,
  'grants.query': parseGrantQuery,
  'grants.refresh': grantIdOf,
  'grants.remove': grantIdOf,
  'grants.accessToken': grantIdOf,
  'settings.get': noPayload,
  'settings.save': normalizeSettingsChange,
  'activity.list': (payload) => {
    const fields = optionalFieldsOf(payload);
    const grantId = optionalString(fields, 'grantId');
    const limit = optionalInteger(fields, 'limit', 1, MAX_ACTIVITY_LIMIT) ?? DEFAULT_ACTIVITY_LIMIT;
    return grantId === undefined ? { limit } : { grantId, limit };
  },
  'health.status': noPayload,
  'backup.export': (payload) => {
    const fields = fieldsOf(payload);
    return {
      passphrase: passphraseOf(fields),
      includeSecrets: optionalFlag(fields, 'includeSecrets'),
      move: optionalFlag(fields, 'move'),
    };
  },
  'backup.inspect': (payload) => ({ text: backupTextOf(fieldsOf(payload)) }),
  'backup.preview': backupFileOf,
  'backup.apply': backupFileOf,
  'backup.status': noPayload,
  'consent.get': (payload) => ({ id: requiredString(fieldsOf(payload), 'id') }),
  'consent.answer': parseConsentAnswer,
  'toolAccess.list': noPayload,
  'toolAccess.revoke': (payload) => ({ caller: requiredString(fieldsOf(payload), 'caller') }),
  'toolOrigins.list': noPayload,
  'toolOrigins.add': (payload) => ({ origin: requiredString(fieldsOf(payload), 'origin') }),
  'toolOrigins.remove': (payload) => ({ origin: requiredString(fieldsOf(payload), 'origin') }),
};

/** Throws `invalid_input` (naming the field) for a payload its message type does not accept. */
export function parseRequest<T extends MessageType>(type: T, payload: unknown): ParsedRequest<T> {
  return REQUEST_PARSERS[type](payload);
}
