/**
 * Server-side validation of `apps.save`: the worker trusts no page's form checks. Every problem is an
 * `invalid_input` naming its field (`name`, `platform`, `appKey`, `appSecret`, `callbackUrl`, or the
 * endpoint's own name), so the options page can show it inline.
 */
import { PLATFORMS, resolveEndpoints } from '../../platforms/descriptors';
import { parseEndpointUrl } from '../../platforms/endpoint-url';
import type { AppInput } from '../../shared/model';
import { PLATFORM_IDS, type PlatformEndpoints, type PlatformId } from '../../shared/platform';
import { type Fields, fieldsOf, invalid, optionalString, requiredString } from './payload';

/** The same shape as what pages send, once every field has been checked. */
export type ValidAppInput = AppInput;

const MAX_NAME = 80;
const MAX_APP_KEY = 64;
const MAX_SECRET = 256;
const ENDPOINT_FIELDS = ['authorizeUrl', 'tokenCreateUrl', 'tokenRefreshUrl'] as const;

function platformOf(fields: Fields): PlatformId {
  const platform = PLATFORM_IDS.find((id) => id === fields.platform);
  if (!platform) throw invalid('platform', 'Choose Lazada or AliExpress.');
  return platform;
}

function nameOf(fields: Fields): string {
  const name = requiredString(fields, 'name').trim();
  if (name.length > MAX_NAME) throw invalid('name', `Keep the name under ${MAX_NAME} characters.`);
  return name;
}

function appKeyOf(fields: Fields, platform: PlatformId): string {
  const appKey = requiredString(fields, 'appKey').trim();
  const descriptor = PLATFORMS[platform];
  if (appKey.length > MAX_APP_KEY || !descriptor.appKeyPattern.test(appKey)) {
    const hint = platform === 'lazada' ? 'a number' : 'letters and digits';
    throw invalid('appKey', `A ${descriptor.label} app key is ${hint}, as shown in the developer console.`);
  }
  return appKey;
}

function appSecretOf(fields: Fields, secretRequired: boolean): string | undefined {
  const secret = optionalString(fields, 'appSecret')?.trim();
  if (secret === undefined) {
    if (secretRequired) throw invalid('appSecret', 'Enter the app secret.');
    return undefined;
  }
  // The message never repeats the value: it is a secret.
  if (secret.length > MAX_SECRET || /\s/.test(secret)) {
    throw invalid('appSecret', 'That does not look like an app secret: check for spaces or a partial copy.');
  }
  return secret;
}

/**
 * https (http only on loopback, for the sandbox), no credentials, no fragment. Kept as typed (trimmed),
 * not normalized: the platform compares `redirect_uri` with the registered callback as text.
 */
function callbackUrlOf(fields: Fields): string {
  const text = requiredString(fields, 'callbackUrl').trim();
  const url = parseEndpointUrl(text, 'callbackUrl');
  if (url.hash || text.includes('#'))
    throw invalid('callbackUrl', 'The callback URL must not contain a #fragment.');
  return text;
}

function endpointsOf(fields: Fields, platform: PlatformId): Partial<PlatformEndpoints> | undefined {
  if (fields.endpoints === undefined || fields.endpoints === null) return undefined;
  const given = fieldsOf(fields.endpoints);
  const overrides: Partial<PlatformEndpoints> = {};
  for (const name of ENDPOINT_FIELDS) {
    const value = optionalString(given, name)?.trim();
    if (value !== undefined) overrides[name] = value;
  }
  if (Object.keys(overrides).length === 0) return undefined;
  resolveEndpoints(platform, overrides); // throws invalid_input naming the bad endpoint
  return overrides;
}

/** `secretRequired`: true for a new app, or one saved earlier without a secret. */
export function validateAppInput(input: unknown, options: { secretRequired: boolean }): ValidAppInput {
  const fields = fieldsOf(input);
  const platform = platformOf(fields);
  const valid: ValidAppInput = {
    name: nameOf(fields),
    platform,
    appKey: appKeyOf(fields, platform),
    callbackUrl: callbackUrlOf(fields),
  };
  const id = optionalString(fields, 'id');
  if (id !== undefined) valid.id = id;
  const appSecret = appSecretOf(fields, options.secretRequired);
  if (appSecret !== undefined) valid.appSecret = appSecret;
  const endpoints = endpointsOf(fields, platform);
  if (endpoints !== undefined) valid.endpoints = endpoints;
  return valid;
}
