/**
 * Inline checks of the app form before anything is sent. URLs go through the same parser the worker
 * uses, so the page and the worker never disagree about what is acceptable. Pure.
 */
import { PLATFORMS } from '../platforms/descriptors';
import { parseEndpointUrl, type UrlField } from '../platforms/endpoint-url';
import { SellerAuthError } from '../shared/errors';
import type { AppField, AppFormValues } from './app-form-values';
import { ENDPOINT_FIELDS } from './app-form-values';

export type AppFormErrors = Partial<Record<AppField, string>>;

/**
 * `secretSaved`: whether the worker already holds a secret for this app. A secret is required for a
 * new app, and for a saved one without a secret (as the worker requires).
 */
export function validateAppInput(
  form: AppFormValues,
  options: { isNew: boolean; secretSaved?: boolean },
): AppFormErrors {
  const errors: AppFormErrors = {};
  if (!form.name.trim()) errors.name = 'Enter a name for this app.';

  const appKey = form.appKey.trim();
  const platform = PLATFORMS[form.platform];
  if (!appKey) errors.appKey = 'Enter the app key from the open platform console.';
  else if (!platform.appKeyPattern.test(appKey)) errors.appKey = appKeyHint(form.platform);

  const secretRequired = options.isNew || options.secretSaved === false;
  if (secretRequired && !form.appSecret.trim()) errors.appSecret = 'Enter the app secret.';

  if (form.callbackKind === 'tab') {
    const callbackUrl = form.tabCallbackUrl.trim();
    errors.callbackUrl = callbackUrl
      ? urlError(callbackUrl, 'callbackUrl')
      : 'Enter the callback URL registered for the app.';
  }
  for (const field of ENDPOINT_FIELDS) {
    const value = form[field].trim();
    if (value) errors[field] = urlError(value, field);
  }
  return withoutEmpty(errors);
}

export function hasErrors(errors: AppFormErrors): boolean {
  return Object.keys(errors).length > 0;
}

function appKeyHint(platform: AppFormValues['platform']): string {
  return platform === 'lazada'
    ? 'A Lazada app key has digits only.'
    : 'An app key has only letters, digits, "-" and "_".';
}

function urlError(value: string, field: UrlField): string | undefined {
  try {
    parseEndpointUrl(value, field);
    return undefined;
  } catch (error) {
    if (error instanceof SellerAuthError) return error.message;
    throw error;
  }
}

function withoutEmpty(errors: AppFormErrors): AppFormErrors {
  return Object.fromEntries(Object.entries(errors).filter(([, message]) => message)) as AppFormErrors;
}
