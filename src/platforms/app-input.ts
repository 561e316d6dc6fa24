/**
 * The one check of an app profile, with one contract: the worker runs it on every `apps.save` (and
 * refuses with the first problem), the options page runs the very same function for inline feedback
 * (and shows every problem). What passes is trimmed and typed as checked (ValidUrl, AppSecret), so
 * nothing downstream checks again. Pure.
 */
import type { AppSecret, ValidUrl } from '../shared/checked';
import { SellerAuthError } from '../shared/errors';
import { t } from '../shared/i18n';
import type { AppInput } from '../shared/model';
import {
  ENDPOINT_FIELDS,
  type EndpointField,
  type PlatformEndpoints,
  type PlatformId,
} from '../shared/platform';
import { PLATFORMS } from './descriptors';
import { checkEndpointUrl, LOOPBACK_HOSTS } from './endpoint-url';
import { isPlatformHost } from './gateway-hosts';

/** Every field a problem can be about; also the `field` of the worker's `invalid_input`. */
export type AppInputField = 'name' | 'platform' | 'appKey' | 'appSecret' | 'callbackUrl' | EndpointField;
export type AppInputProblems = Partial<Record<AppInputField, string>>;

/** An AppInput once checked: trimmed, blank optional fields left out, URLs and secret typed as checked. */
export interface ValidAppInput {
  id?: string;
  name: string;
  platform: PlatformId;
  appKey: string;
  appSecret?: AppSecret;
  callbackUrl: ValidUrl;
  endpoints?: Partial<PlatformEndpoints>;
  customGateway?: true;
}

export type AppInputCheck = { ok: true; app: ValidAppInput } | { ok: false; problems: AppInputProblems };

const MAX_NAME = 80;
const MAX_APP_KEY = 64;
const MAX_SECRET = 256;

/** What a missing secret is told with, in the installed language. */
export function missingSecretWords(): string {
  return t('app_input_secret_missing');
}

/** One field's result: its checked value, or the words for what is wrong. */
type TextCheck<T> = { value: T; problem?: undefined } | { value?: undefined; problem: string };

/** A URL check that throws invalid_input (its message names the field, never the value) as a problem. */
function checkedUrl(check: () => ValidUrl): TextCheck<ValidUrl> {
  try {
    return { value: check() };
  } catch (error) {
    if (error instanceof SellerAuthError) return { problem: error.message };
    throw error;
  }
}

function nameOf(text: string): TextCheck<string> {
  const name = text.trim();
  if (!name) return { problem: t('app_input_name_missing') };
  if (name.length > MAX_NAME) return { problem: t('app_input_name_too_long', MAX_NAME) };
  return { value: name };
}

function appKeyOf(text: string, platform: PlatformId): TextCheck<string> {
  const appKey = text.trim();
  if (!appKey) return { problem: t('app_input_app_key_missing') };
  if (appKey.length > MAX_APP_KEY || !PLATFORMS[platform].appKeyPattern.test(appKey)) {
    return {
      problem: platform === 'lazada' ? t('app_input_lazada_app_key') : t('app_input_app_key_characters'),
    };
  }
  return { value: appKey };
}

/** The one way to an AppSecret. Its words never repeat the value. */
export function parseAppSecret(text: string): TextCheck<AppSecret> {
  const secret = text.trim();
  if (!secret) return { problem: missingSecretWords() };
  if (secret.length > MAX_SECRET || /\s/.test(secret)) {
    return { problem: t('app_input_secret_invalid') };
  }
  return { value: secret as AppSecret };
}

/** Kept as typed (trimmed), not normalized: the platform compares `redirect_uri` with it as text. */
function callbackUrlOf(text: string): TextCheck<ValidUrl> {
  if (!text.trim()) return { problem: t('app_input_callback_missing') };
  const checked = checkedUrl(() => checkEndpointUrl(text, 'callbackUrl'));
  if (checked.value?.includes('#')) return { problem: t('app_input_callback_fragment') };
  return checked;
}

export function customGatewayNeeded(): string {
  return t('app_input_custom_gateway_needed');
}

/** A platform host, the local sandbox (builds that allow it), or a gateway the person vouched for. */
function gatewayProblem(url: string, customGateway: boolean): string | undefined {
  const parsed = new URL(url);
  if (customGateway || isPlatformHost(parsed) || LOOPBACK_HOSTS.has(parsed.hostname)) return undefined;
  return customGatewayNeeded();
}

/**
 * `secretRequired`: true for a new app, and for a saved one without a secret. The worker, which
 * learns that from its store only after parsing, passes false and then applies missingSecretWords() itself.
 */
export function validateAppInput(input: AppInput, options: { secretRequired: boolean }): AppInputCheck {
  const problems: AppInputProblems = {};
  const take = <T>(field: AppInputField, check: TextCheck<T>): T | undefined => {
    if (check.problem !== undefined) problems[field] = check.problem;
    return check.value;
  };

  const name = take('name', nameOf(input.name));
  const platform = Object.hasOwn(PLATFORMS, input.platform) ? input.platform : undefined;
  if (!platform) problems.platform = t('app_input_platform_missing');
  const appKey = platform && take('appKey', appKeyOf(input.appKey, platform));
  const secretText = input.appSecret?.trim() ?? '';
  const appSecret =
    secretText || options.secretRequired ? take('appSecret', parseAppSecret(secretText)) : undefined;
  const callbackUrl = take('callbackUrl', callbackUrlOf(input.callbackUrl));
  const endpoints: Partial<PlatformEndpoints> = {};
  for (const field of ENDPOINT_FIELDS) {
    const text = input.endpoints?.[field]?.trim();
    const url = text
      ? take(
          field,
          checkedUrl(() => checkEndpointUrl(text, field)),
        )
      : undefined;
    const gateway = url && gatewayProblem(url, input.customGateway === true);
    if (gateway) problems[field] = gateway;
    else if (url) endpoints[field] = url;
  }

  // The undefined checks only narrow the types: each of them comes with a problem.
  const failed = Object.keys(problems).length > 0;
  if (failed || name === undefined || !platform || appKey === undefined || callbackUrl === undefined) {
    return { ok: false, problems };
  }
  const id = input.id?.trim();
  return {
    ok: true,
    app: {
      ...(id ? { id } : {}),
      name,
      platform,
      appKey,
      ...(appSecret ? { appSecret } : {}),
      callbackUrl,
      ...(Object.keys(endpoints).length > 0 ? { endpoints } : {}),
      ...(input.customGateway === true ? { customGateway: true } : {}),
    },
  };
}
