/**
 * `/oauth/authorize`: which requests get a login page, and what a submitted login decides.
 * Pure: the server renders and redirects; nothing here touches HTTP.
 */
import { COUNTRIES, type Country } from '../src/shared/platform';
import { COUNTRY_NAMES } from './pages';
import type { LazadaSeller, RegisteredApp, SandboxSeller } from './types';

export interface AuthorizeRequest {
  app: RegisteredApp;
  redirectUri: string;
  state: string | undefined;
  /** Lazada's country choices (limited by the `country` param); undefined on AliExpress. */
  countries: Country[] | undefined;
  /** Where the login form posts: the authorize URL with the request's own params, unchanged. */
  formAction: string;
}

export type AuthorizeCheck = { ok: true; request: AuthorizeRequest } | { ok: false; message: string };

const AUTHORIZE_PATH = '/oauth/authorize';
const CARRIED_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'state',
  'force_auth',
  'country',
  'uuid',
];

/** A bad request gets an error page and no redirect, as the platform does. */
export function checkAuthorizeRequest(
  params: ReadonlyMap<string, string>,
  findApp: (appKey: string) => RegisteredApp | undefined,
): AuthorizeCheck {
  const app = findApp(params.get('client_id') ?? '');
  if (!app) return { ok: false, message: 'Unknown client_id: no app is registered with this app key.' };
  const redirectUri = params.get('redirect_uri') ?? '';
  if (!app.callbackUrls.includes(redirectUri)) {
    return { ok: false, message: 'redirect_uri does not match the callback URL registered for this app.' };
  }
  if (params.get('response_type') !== 'code') {
    return { ok: false, message: 'response_type must be "code".' };
  }
  // docs/protocol.md#authorize-url: Lazada's doc says sending `uuid` causes an error.
  if (app.platform === 'lazada' && params.has('uuid')) {
    return { ok: false, message: 'Invalid parameter: uuid is not supported.' };
  }

  const carried = new URLSearchParams();
  for (const name of CARRIED_PARAMS) {
    const value = params.get(name);
    if (value !== undefined) carried.set(name, value);
  }
  return {
    ok: true,
    request: {
      app,
      redirectUri,
      state: params.get('state'),
      countries: app.platform === 'lazada' ? countryChoices(params.get('country')) : undefined,
      formAction: `${AUTHORIZE_PATH}?${carried}`,
    },
  };
}

/** `country=sg,cb` limits the drop-down; nothing valid in it means every country. */
export function countryChoices(countryParam: string | undefined): Country[] {
  const wanted = new Set((countryParam ?? '').split(',').map((c) => c.trim().toLowerCase()));
  const limited = COUNTRIES.filter((country) => wanted.has(country));
  return limited.length > 0 ? limited : [...COUNTRIES];
}

export type LoginDecision =
  | { kind: 'approved'; seller: SandboxSeller; country: Country | undefined }
  | { kind: 'denied' }
  | { kind: 'retry'; error: string };

export function decideLogin(
  form: ReadonlyMap<string, string>,
  request: AuthorizeRequest,
  findSeller: (account: string) => SandboxSeller | undefined,
): LoginDecision {
  const decision = form.get('decision');
  if (decision === 'deny') return { kind: 'denied' };
  if (decision !== 'approve') return { kind: 'retry', error: 'Choose Approve or Deny.' };

  const seller = findSeller((form.get('account') ?? '').trim());
  if (!seller || seller.password !== form.get('password') || seller.platform !== request.app.platform) {
    return { kind: 'retry', error: 'Wrong account or password.' };
  }
  if (seller.platform === 'aliexpress' || !request.countries) {
    return { kind: 'approved', seller, country: undefined };
  }

  const chosen = request.countries.find((country) => country === form.get('country'));
  if (!chosen) return { kind: 'retry', error: 'Choose a country from the list.' };
  if (chosen !== seller.country) return { kind: 'retry', error: wrongCountryMessage(seller, chosen) };
  return { kind: 'approved', seller, country: chosen };
}

function wrongCountryMessage(seller: LazadaSeller, chosen: Country): string {
  if (seller.country === 'cb') return 'This is a cross-border account: choose Cross-border.';
  if (chosen === 'cb') return 'This account is not a cross-border seller.';
  return `This account has no shop in ${COUNTRY_NAMES[chosen]}.`;
}

/** `redirect_uri` with the answer appended; `state` comes back exactly as it was sent. */
export function redirectTo(redirectUri: string, answer: Record<string, string | undefined>): string {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(answer)) {
    if (value !== undefined) url.searchParams.append(name, value);
  }
  return url.toString();
}
