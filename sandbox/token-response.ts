/** Successful token answers in each dialect (docs/protocol.md#token-response), including the real variants. */
import type { SandboxGrant } from './grant-ledger';
import type { SandboxConfig } from './types';

type ResponseStyle = Pick<SandboxConfig, 'numbersAsStrings' | 'countryListName'>;

function wholeSecondsUntil(deadline: number, now: number): number {
  return Math.max(0, Math.floor((deadline - now) / 1000));
}

export function tokenResponseBody(
  grant: SandboxGrant,
  now: number,
  style: ResponseStyle,
  requestId: string,
): Record<string, unknown> {
  const number = (value: number): number | string => (style.numbersAsStrings ? String(value) : value);
  const common = {
    access_token: grant.accessToken,
    refresh_token: grant.refreshToken,
    expires_in: number(wholeSecondsUntil(grant.accessExpiresAt, now)),
    // Remaining seconds to the deadline fixed at authorization: a refresh never extends it.
    refresh_expires_in: number(grant.refreshable ? wholeSecondsUntil(grant.refreshExpiresAt, now) : 0),
    account: grant.seller.account,
  };

  const seller = grant.seller;
  if (seller.platform === 'lazada') {
    const ventures =
      grant.country === 'cb' ? seller.ventures : seller.ventures.filter((v) => v.country === grant.country);
    return {
      ...common,
      country: grant.country ?? seller.country,
      account_platform: 'seller_center',
      [style.countryListName]: ventures.map((venture) => ({
        country: venture.country,
        seller_id: venture.sellerId,
        user_id: number(venture.userId),
        short_code: venture.shortCode,
      })),
      code: '0',
      request_id: requestId,
    };
  }

  return {
    ...common,
    expire_time: number(grant.accessExpiresAt),
    refresh_token_valid_time: number(grant.refreshExpiresAt),
    // What real AliExpress answers show for seller logins.
    account_platform: 'buyerApp',
    user_id: seller.userId,
    seller_id: seller.sellerId,
    havana_id: seller.havanaId,
    user_nick: seller.userNick,
    sp: 'ae',
    locale: seller.locale,
    code: '0',
    request_id: requestId,
  };
}
