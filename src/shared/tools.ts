/**
 * The seller tools API: what another extension (or, later, an allowed web page) may ask Seller Auth.
 * Versioned and documented in docs/tools-api.md; the typed client in src/tools-client/ is built on
 * these types. Replies are the same `{ok, value}` / `{ok: false, error}` as the pages' protocol, and
 * never carry a refresh token, a code or a secret (only `tools.getToken` carries an access token).
 */
import type { GrantHealth } from './model';
import type { CountryAccount, PlatformId } from './platform';

/** Bumped on any change a tool could notice; `hello` answers it. */
export const TOOLS_API_VERSION = 1;

/** `tokens`: the tool may read raw access tokens (and call); `proxy`: only calls signed by Seller Auth. */
export type ToolsMode = 'tokens' | 'proxy';
export const TOOLS_MODES: readonly ToolsMode[] = ['tokens', 'proxy'];

/** What a tool sees of one granted shop. Never a token. */
export interface ToolShop {
  id: string;
  /** The shop's name when known, else the seller's login account. */
  name: string;
  platform: PlatformId;
  /** The venture code (`sg`, `my`, ..., `cb` for cross-border). */
  country: string;
  countries: CountryAccount[];
  health: GrantHealth;
  /** When the current access token expires (Seller Auth refreshes it silently). */
  accessExpiresAt: number;
  /** The date a person must authorize the shop again by. */
  refreshExpiresAt: number;
}

export interface ToolsHello {
  name: 'Seller Auth';
  version: number;
  capabilities: string[];
  /** Whether this caller already has a grant of access (and which mode). */
  access: { granted: boolean; mode?: ToolsMode; shops: number };
}

export interface ToolsProtocol {
  'tools.hello': { request: undefined; response: ToolsHello };
  /** Opens the consent window (one at a time); resolves once the person answered. */
  'tools.requestAccess': {
    request: { shops?: string[]; mode?: ToolsMode; name?: string };
    response: { mode: ToolsMode; shops: ToolShop[] };
  };
  'tools.listShops': { request: undefined; response: ToolShop[] };
  /** Only with `tokens` consent. Refreshed first when it would expire within `minValidityS`. */
  'tools.getToken': {
    request: { shopId: string; minValidityS?: number };
    response: { accessToken: string; expiresAt: number };
  };
  /** A business API call signed by Seller Auth; answers the platform's JSON. */
  'tools.call': {
    request: { shopId: string; apiPath: string; params?: Record<string, string> };
    response: unknown;
  };
}

export type ToolsMessageType = keyof ToolsProtocol;
export type ToolsRequestOf<T extends ToolsMessageType> = ToolsProtocol[T]['request'];
export type ToolsResponseOf<T extends ToolsMessageType> = ToolsProtocol[T]['response'];

export const TOOLS_MESSAGE_TYPES = [
  'tools.hello',
  'tools.requestAccess',
  'tools.listShops',
  'tools.getToken',
  'tools.call',
] as const satisfies readonly ToolsMessageType[];

/** Who asked: another extension (its id, and the name it declares, unverified) or a web page origin. */
export type ToolCaller =
  | { kind: 'extension'; id: string; declaredName?: string }
  | { kind: 'origin'; origin: string };

/** The key grants of access are stored under: `ext:<id>` or `origin:<origin>`. */
export function callerKey(caller: ToolCaller): string {
  return caller.kind === 'extension' ? `ext:${caller.id}` : `origin:${caller.origin}`;
}

/** A grant of access as the options page lists it. */
export interface ToolAccessView {
  caller: string;
  kind: ToolCaller['kind'];
  /** The extension id or the origin. */
  label: string;
  declaredName?: string;
  mode: ToolsMode;
  shopIds: string[];
  createdAt: number;
  lastUsedAt?: number;
}

/** What the consent window shows and answers. */
export interface ConsentRequestView {
  id: string;
  caller: ToolCaller;
  /** Shops the tool asked for (preselected); empty: it did not say. */
  askedShops: string[];
  askedMode: ToolsMode;
  shops: ToolShop[];
  /** Per shop id, the host pattern its API calls need (asked for in the click that approves). */
  apiOrigins: Record<string, string>;
}

export interface ConsentAnswer {
  id: string;
  approve: boolean;
  shopIds: string[];
  mode: ToolsMode;
}

/** Marks a message a web page tool sent through the bridge content script: `{ channel, type, payload }`. */
export const BRIDGE_CHANNEL = 'seller-auth-bridge';

/** What a page posts to `window` (with one MessagePort) for one request, and the bridge's hello. */
export const PAGE_REQUEST = 'seller-auth:request';
export const PAGE_READY = 'seller-auth:ready';

/** The port name a tool opens (`runtime.connect(SELLER_AUTH_ID, { name })`) to hear shop changes. */
export const TOOLS_SUBSCRIBE_PORT = 'seller-auth.tools.subscribe';

/**
 * What a subscribed tool hears: `shops` once at the start (what it may use now), `shop.changed` when a
 * granted shop's health or deadlines change (a refreshed token moves `accessExpiresAt`), `shop.removed`,
 * and `access.ended` (revoked) or `error` just before the port closes.
 */
export type ToolEvent =
  | { event: 'shops'; shops: ToolShop[] }
  | { event: 'shop.changed'; shop: ToolShop }
  | { event: 'shop.removed'; shopId: string }
  | { event: 'access.ended' }
  | { event: 'error'; error: { code: string; message: string } };
