/** The app form's raw values and their conversion to and from the protocol's shapes. Pure. */

import type { AppInputField } from '../platforms/app-input';
import type { AppInput, AppView, CallbackKind } from '../shared/model';
import { ENDPOINT_FIELDS, type EndpointUrls, type PlatformId } from '../shared/platform';

export interface AppFormValues {
  name: string;
  platform: PlatformId;
  appKey: string;
  /** Write-only: starts empty, even for an app whose secret is saved. */
  appSecret: string;
  callbackKind: CallbackKind;
  /** Only used when `callbackKind` is `tab`. */
  tabCallbackUrl: string;
  authorizeUrl: string;
  tokenCreateUrl: string;
  tokenRefreshUrl: string;
  /** Endpoints outside the platforms' own domains are allowed (the person vouches for them). */
  customGateway: boolean;
}

/** Fields that can carry an inline error (the platform is a closed choice); `callbackUrl` is the chosen callback. */
export type AppField = Exclude<AppInputField, 'platform'>;

export function emptyAppForm(): AppFormValues {
  return {
    name: '',
    platform: 'lazada',
    appKey: '',
    appSecret: '',
    callbackKind: 'identity',
    tabCallbackUrl: '',
    authorizeUrl: '',
    tokenCreateUrl: '',
    tokenRefreshUrl: '',
    customGateway: false,
  };
}

/** Never carries a secret: the worker does not send one, and the field stays empty on purpose. */
export function appFormFromView(app: AppView): AppFormValues {
  return {
    name: app.name,
    platform: app.platform,
    appKey: app.appKey,
    appSecret: '',
    callbackKind: app.callbackKind,
    tabCallbackUrl: app.callbackKind === 'tab' ? app.callbackUrl : '',
    authorizeUrl: app.endpoints?.authorizeUrl ?? '',
    tokenCreateUrl: app.endpoints?.tokenCreateUrl ?? '',
    tokenRefreshUrl: app.endpoints?.tokenRefreshUrl ?? '',
    customGateway: app.customGateway === true,
  };
}

/**
 * Trimmed input for `apps.save`. An empty secret is left out so the worker keeps the stored one;
 * empty endpoints are left out so the platform's defaults apply.
 */
export function appInputFromForm(
  form: AppFormValues,
  context: { id?: string; identityCallbackUrl: string },
): AppInput {
  const endpoints: Partial<EndpointUrls> = {};
  for (const field of ENDPOINT_FIELDS) {
    const value = form[field].trim();
    if (value) endpoints[field] = value;
  }
  const secret = form.appSecret.trim();
  return {
    ...(context.id ? { id: context.id } : {}),
    name: form.name.trim(),
    platform: form.platform,
    appKey: form.appKey.trim(),
    ...(secret ? { appSecret: secret } : {}),
    callbackUrl: form.callbackKind === 'identity' ? context.identityCallbackUrl : form.tabCallbackUrl.trim(),
    ...(Object.keys(endpoints).length > 0 ? { endpoints } : {}),
    ...(form.customGateway ? { customGateway: true } : {}),
  };
}

const APP_FIELDS: ReadonlySet<string> = new Set<AppField>([
  'name',
  'appKey',
  'appSecret',
  'callbackUrl',
  ...ENDPOINT_FIELDS,
]);

/** The form field a worker `invalid_input` names (`endpoints.authorizeUrl` or `authorizeUrl`), if shown. */
export function appFieldFromWorker(field: string | undefined): AppField | undefined {
  const bare = field?.replace(/^endpoints\./, '');
  return bare !== undefined && APP_FIELDS.has(bare) ? (bare as AppField) : undefined;
}
