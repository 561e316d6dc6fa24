/**
 * Turns a token response (create or refresh) into a TokenGrant with absolute deadlines.
 * Defensive by design (docs/protocol.md#token-response): numbers may be strings, country codes any case, the
 * venture list has two names, and AliExpress adds absolute deadlines.
 */
import { SellerAuthError } from '../shared/errors';
import type { CountryAccount, PlatformId, SellerIdentity } from '../shared/platform';
import { asRecord, definedOnly, type JsonRecord, readId, readNumber, readString } from './json-fields';
import type { RefreshedTokens, TokenGrant } from './types';

/** 2001-09-09 in epoch ms: a smaller "absolute" time is seconds or garbage, never epoch ms. */
const EPOCH_MS_FLOOR = 1e12;

function malformed(message: string): SellerAuthError {
  return new SellerAuthError('malformed_response', message);
}

/** When the reply was asked for, on this computer's clock, and how far the gateway's clock is from it. */
export interface ReplyTime {
  now: number;
  /** Gateway time minus local time (see gateway-clock.ts); 0 when unknown or negligible. */
  gatewayOffsetMs?: number;
}

/**
 * A deadline on this computer's clock, from the platform's absolute time (preferred, when plausible and
 * still ahead; moved by the gateway's clock offset, so a wrong local clock does not shift it) or from a
 * lifetime in seconds counted from `now`. A past absolute time is used only as a last resort.
 */
function deadline(
  absolute: number | undefined,
  lifetimeSeconds: number | undefined,
  time: ReplyTime,
): number | undefined {
  const { now } = time;
  const plausible =
    absolute !== undefined && absolute >= EPOCH_MS_FLOOR
      ? Math.floor(absolute) - (time.gatewayOffsetMs ?? 0)
      : undefined;
  if (plausible !== undefined && plausible > now) return plausible;
  if (lifetimeSeconds !== undefined && lifetimeSeconds > 0) return now + Math.floor(lifetimeSeconds * 1000);
  return plausible;
}

interface RefreshTerms {
  refreshToken: string;
  refreshable: boolean;
  refreshExpiresAt: number;
}

/**
 * No refresh token, `refresh_expires_in` 0, or a deadline already passed: the grant cannot be
 * refreshed and must be renewed by the seller when the access token expires. A refresh token whose
 * deadline the response does not state is kept refreshable, with the only deadline we can vouch
 * for: the access token's.
 */
function readRefreshTerms(record: JsonRecord, accessExpiresAt: number, time: ReplyTime): RefreshTerms {
  const { now } = time;
  const refreshToken = readString(record, 'refresh_token') ?? '';
  const lifetime = readNumber(record, 'refresh_expires_in');
  const notRefreshable = { refreshToken, refreshable: false, refreshExpiresAt: accessExpiresAt };
  if (refreshToken === '' || (lifetime !== undefined && lifetime <= 0)) return notRefreshable;
  const refreshExpiresAt =
    deadline(readNumber(record, 'refresh_token_valid_time'), lifetime, time) ?? accessExpiresAt;
  if (refreshExpiresAt <= now) return notRefreshable;
  return { refreshToken, refreshable: true, refreshExpiresAt };
}

function readCountryAccounts(record: JsonRecord): CountryAccount[] {
  const list = record.country_user_info ?? record.country_user_info_list;
  if (!Array.isArray(list)) return [];
  const accounts: CountryAccount[] = [];
  for (const item of list) {
    const entry = asRecord(item);
    const country = entry && readId(entry, 'country')?.toLowerCase();
    if (!entry || !country) continue;
    accounts.push(
      definedOnly({
        country,
        sellerId: readId(entry, 'seller_id'),
        userId: readId(entry, 'user_id'),
        shortCode: readId(entry, 'short_code'),
      }),
    );
  }
  return accounts;
}

/**
 * Who the grant belongs to. Lazada: `account`, one venture or `cb` (cross-border, one entry per
 * venture in the list); a single-venture seller's ids come from its one entry when not given at
 * the top. AliExpress: `user_nick` (else `account`), `user_id`, `seller_id`; it has no ventures, so
 * the country is the response's `country` when present and '' otherwise.
 */
function readSeller(record: JsonRecord, platform: PlatformId): SellerIdentity {
  const countries = readCountryAccounts(record);
  const declaredCountry = readId(record, 'country')?.toLowerCase();
  const country = declaredCountry ?? (countries.length === 1 ? countries[0]?.country : undefined) ?? '';
  const venture =
    country === 'cb' || country === ''
      ? undefined
      : (countries.find((entry) => entry.country === country) ??
        (countries.length === 1 ? countries[0] : undefined));

  const account =
    platform === 'aliexpress'
      ? (readId(record, 'user_nick') ?? readId(record, 'account'))
      : (readId(record, 'account') ?? readId(record, 'user_nick'));
  const userId = readId(record, 'user_id') ?? venture?.userId;
  const sellerId = readId(record, 'seller_id') ?? venture?.sellerId;
  if (!account && !userId) {
    // Without either, two different sellers would look like the same grant and overwrite each other.
    throw malformed('The token response does not name the seller account.');
  }
  const ventureAccounts =
    countries.length > 0 || platform === 'aliexpress' || country === '' || country === 'cb'
      ? countries
      : [definedOnly({ country, sellerId, userId })];

  return definedOnly({
    account: account ?? '',
    accountPlatform: readString(record, 'account_platform'),
    country,
    userId,
    sellerId,
    countries: ventureAccounts,
  });
}

/** `body` is known not to be a platform error: interpretTokenReply looked for one, once. */
export function parseTokenResponse(body: unknown, ctx: ReplyTime & { platform: PlatformId }): TokenGrant {
  const record = asRecord(body);
  if (!record) throw malformed('The token response is not a JSON object.');

  const accessToken = readString(record, 'access_token');
  if (!accessToken) throw malformed('The token response has no access token.');
  const accessExpiresAt = deadline(readNumber(record, 'expire_time'), readNumber(record, 'expires_in'), ctx);
  if (accessExpiresAt === undefined)
    throw malformed('The token response does not say when the access token expires.');

  return definedOnly({
    accessToken,
    ...readRefreshTerms(record, accessExpiresAt, ctx),
    accessExpiresAt,
    obtainedAt: ctx.now,
    seller: readSeller(record, ctx.platform),
    requestId: readId(record, 'request_id'),
  });
}

/**
 * A refresh reply: the access token and its expiry are required; identity fields are not read (they
 * were known at create, and an odd one must not throw away a rotated pair); a missing refresh token or
 * refresh lifetime keeps the stored one. `refresh_expires_in` 0 or a past deadline ends refreshing.
 */
export function parseRefreshResponse(body: unknown, ctx: ReplyTime): RefreshedTokens {
  const record = asRecord(body);
  if (!record) throw malformed('The token response is not a JSON object.');
  const accessToken = readString(record, 'access_token');
  if (!accessToken) throw malformed('The token response has no access token.');
  const accessExpiresAt = deadline(readNumber(record, 'expire_time'), readNumber(record, 'expires_in'), ctx);
  if (accessExpiresAt === undefined)
    throw malformed('The token response does not say when the access token expires.');

  const refreshToken = readString(record, 'refresh_token') || undefined;
  const lifetime = readNumber(record, 'refresh_expires_in');
  const refreshDeadline = deadline(readNumber(record, 'refresh_token_valid_time'), lifetime, ctx);
  const ended =
    (lifetime !== undefined && lifetime <= 0) ||
    (refreshDeadline !== undefined && refreshDeadline <= ctx.now);
  return definedOnly({
    accessToken,
    accessExpiresAt,
    refreshToken,
    refreshExpiresAt: ended ? accessExpiresAt : refreshDeadline,
    refreshable: !ended,
    obtainedAt: ctx.now,
    requestId: readId(record, 'request_id'),
  });
}
