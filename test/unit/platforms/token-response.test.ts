import { describe, expect, it } from 'vitest';
import { interpretTokenReply } from '../../../src/platforms/token-reply';
import { parseRefreshResponse, parseTokenResponse } from '../../../src/platforms/token-response';
import { thrown } from '../../support/thrown';

const NOW = 1_700_000_000_000;
const lazada = { platform: 'lazada', now: NOW } as const;
const aliexpress = { platform: 'aliexpress', now: NOW } as const;
const DAY_S = 86_400;

/** The sample of docs/protocol.md#token-response: a cross-border Lazada seller. */
const lazadaSample = {
  access_token: '50000601c30atpedfgu3LVvik87Ixlsvle3mSoB7701ceb156fPunYZ43GBg',
  refresh_token: '500016000300bwa2WteaQyfwBMnPxurcA0mXGhQdTt18356663CfcDTYpWoi',
  expires_in: 259200,
  refresh_expires_in: 259200,
  country: 'cb',
  account: 'xxx@126.com',
  account_platform: 'seller_center',
  country_user_info: [
    { country: 'sg', seller_id: '1001', user_id: 10101, short_code: 'SG123' },
    { country: 'my', seller_id: '2001', user_id: 20101 },
  ],
  code: '0',
  request_id: '0ba2887315178178017221014',
};

describe('parseTokenResponse: Lazada', () => {
  it('parses the cross-border sample into absolute deadlines and one entry per venture', () => {
    expect(parseTokenResponse(lazadaSample, lazada)).toEqual({
      accessToken: lazadaSample.access_token,
      refreshToken: lazadaSample.refresh_token,
      accessExpiresAt: NOW + 259_200_000,
      refreshExpiresAt: NOW + 259_200_000,
      refreshable: true,
      obtainedAt: NOW,
      requestId: '0ba2887315178178017221014',
      seller: {
        account: 'xxx@126.com',
        accountPlatform: 'seller_center',
        country: 'cb',
        countries: [
          { country: 'sg', sellerId: '1001', userId: '10101', shortCode: 'SG123' },
          { country: 'my', sellerId: '2001', userId: '20101' },
        ],
      },
    });
  });

  it('reads numbers sent as strings', () => {
    const grant = parseTokenResponse(
      { ...lazadaSample, expires_in: '10', refresh_expires_in: ' 50 ' },
      lazada,
    );
    expect(grant.accessExpiresAt).toBe(NOW + 10_000);
    expect(grant.refreshExpiresAt).toBe(NOW + 50_000);
  });

  it('accepts the country_user_info_list name and country codes in any case', () => {
    const { country_user_info, ...rest } = lazadaSample;
    const grant = parseTokenResponse(
      { ...rest, country: 'CB', country_user_info_list: country_user_info },
      lazada,
    );
    expect(grant.seller.country).toBe('cb');
    expect(grant.seller.countries.map((entry) => entry.country)).toEqual(['sg', 'my']);
  });

  it('fills a single-venture seller from its one country entry', () => {
    const grant = parseTokenResponse(
      {
        ...lazadaSample,
        country: 'SG',
        country_user_info: [{ country: 'Sg', seller_id: 'SG1001', user_id: 10101 }],
      },
      lazada,
    );
    expect(grant.seller).toMatchObject({ country: 'sg', userId: '10101', sellerId: 'SG1001' });
    expect(grant.seller.countries).toEqual([{ country: 'sg', sellerId: 'SG1001', userId: '10101' }]);
  });

  it('takes the venture from the one entry when the response names no country', () => {
    const { country: _country, ...rest } = lazadaSample;
    const grant = parseTokenResponse({ ...rest, country_user_info: [{ country: 'th', user_id: 7 }] }, lazada);
    expect(grant.seller).toMatchObject({ country: 'th', userId: '7' });
  });

  it('describes a single-venture seller without a list by that venture', () => {
    const { country_user_info: _list, ...rest } = lazadaSample;
    const grant = parseTokenResponse({ ...rest, country: 'vn', user_id: '55', seller_id: 'VN55' }, lazada);
    expect(grant.seller.countries).toEqual([{ country: 'vn', sellerId: 'VN55', userId: '55' }]);
  });

  it('does not give a cross-border seller the ids of one of its ventures', () => {
    const grant = parseTokenResponse(lazadaSample, lazada);
    expect(grant.seller.userId).toBeUndefined();
    expect(grant.seller.sellerId).toBeUndefined();
  });

  it('skips malformed venture entries', () => {
    const grant = parseTokenResponse(
      { ...lazadaSample, country_user_info: [null, 'sg', { seller_id: '1' }, { country: 'ph' }] },
      lazada,
    );
    expect(grant.seller.countries).toEqual([{ country: 'ph' }]);
  });
});

describe('parseTokenResponse: refresh terms', () => {
  it.each([0, '0'])('makes refresh_expires_in %j unrefreshable, deadline = access expiry', (value) => {
    const grant = parseTokenResponse({ ...lazadaSample, refresh_expires_in: value }, lazada);
    expect(grant.refreshable).toBe(false);
    expect(grant.refreshExpiresAt).toBe(grant.accessExpiresAt);
  });

  it('makes a response without refresh token unrefreshable', () => {
    const { refresh_token: _token, ...rest } = lazadaSample;
    const grant = parseTokenResponse(rest, lazada);
    expect(grant).toMatchObject({
      refreshToken: '',
      refreshable: false,
      refreshExpiresAt: NOW + 259_200_000,
    });
  });

  it('keeps a refresh token with no stated deadline refreshable, until the access expiry', () => {
    const { refresh_expires_in: _lifetime, ...rest } = lazadaSample;
    const grant = parseTokenResponse({ ...rest, expires_in: 7 * DAY_S }, lazada);
    expect(grant.refreshable).toBe(true);
    expect(grant.refreshExpiresAt).toBe(NOW + 7 * DAY_S * 1000);
  });

  it('keeps the refresh deadline apart from the access one', () => {
    const grant = parseTokenResponse(
      { ...lazadaSample, expires_in: 10 * DAY_S, refresh_expires_in: 50 * DAY_S },
      lazada,
    );
    expect(grant.accessExpiresAt).toBe(NOW + 10 * DAY_S * 1000);
    expect(grant.refreshExpiresAt).toBe(NOW + 50 * DAY_S * 1000);
  });
});

describe('parseTokenResponse: AliExpress', () => {
  const aliexpressSample = {
    access_token: '50000900a07lqdvSA1e04b6a4cjyxgkxRvEKPBfrU9C8D1AKf2WnvEMJDmTiQ',
    refresh_token: '50001900a07lqdvSA1e04b6a4cjyxgkxRvEKPBfrU9C8D1AKf2WnvEMJDmRefr',
    expires_in: 2_592_000,
    refresh_expires_in: 15_552_000,
    expire_time: NOW + 2_592_000_000 + 1234,
    refresh_token_valid_time: NOW + 15_552_000_000 + 1234,
    user_id: '2206123456789',
    seller_id: 2206123456700,
    havana_id: '999',
    user_nick: 'cn1234567abc',
    account: 'shop@example.com',
    sp: 'ae',
    locale: 'zh_CN',
    code: '0',
    request_id: '2101d3e316',
  };

  it('prefers the absolute deadlines and names the seller by user_nick', () => {
    const grant = parseTokenResponse(aliexpressSample, aliexpress);
    expect(grant).toMatchObject({
      accessExpiresAt: NOW + 2_592_000_000 + 1234,
      refreshExpiresAt: NOW + 15_552_000_000 + 1234,
      refreshable: true,
    });
    expect(grant.seller).toEqual({
      account: 'cn1234567abc',
      country: '',
      userId: '2206123456789',
      sellerId: '2206123456700',
      countries: [],
    });
  });

  it('reads absolute deadlines sent as strings', () => {
    const grant = parseTokenResponse({ ...aliexpressSample, expire_time: String(NOW + 5000) }, aliexpress);
    expect(grant.accessExpiresAt).toBe(NOW + 5000);
  });

  it('falls back to the lifetimes when the absolute times are already past or not epoch ms', () => {
    const grant = parseTokenResponse(
      {
        ...aliexpressSample,
        expire_time: NOW - 1000,
        refresh_token_valid_time: Math.floor(NOW / 1000) + 999,
      },
      aliexpress,
    );
    expect(grant.accessExpiresAt).toBe(NOW + 2_592_000_000);
    expect(grant.refreshExpiresAt).toBe(NOW + 15_552_000_000);
  });

  it('uses account when there is no user_nick, and a stated country in lower case', () => {
    const { user_nick: _nick, ...rest } = aliexpressSample;
    const grant = parseTokenResponse({ ...rest, country: 'RU' }, aliexpress);
    expect(grant.seller).toMatchObject({ account: 'shop@example.com', country: 'ru' });
  });

  it('works from the absolute time alone', () => {
    const { expires_in: _lifetime, ...rest } = aliexpressSample;
    expect(parseTokenResponse(rest, aliexpress).accessExpiresAt).toBe(aliexpressSample.expire_time);
  });
});

describe('parseTokenResponse: refusals', () => {
  it.each([
    ['null', null],
    ['an array', [lazadaSample]],
    ['a string', 'ok'],
  ])('refuses %s as malformed_response', (_label, body) => {
    expect(thrown(() => parseTokenResponse(body, lazada)).code).toBe('malformed_response');
  });

  it.each(['', '   ', 42])('refuses access_token %j', (accessToken) => {
    expect(
      thrown(() => parseTokenResponse({ ...lazadaSample, access_token: accessToken }, lazada)).code,
    ).toBe('malformed_response');
  });

  it.each([undefined, 'soon', -5, 0])('refuses expires_in %j with no absolute time', (expiresIn) => {
    expect(thrown(() => parseTokenResponse({ ...lazadaSample, expires_in: expiresIn }, lazada)).code).toBe(
      'malformed_response',
    );
  });

  it('refuses a response that names no seller, so two sellers never share a grant', () => {
    const { account: _account, ...rest } = lazadaSample;
    expect(thrown(() => parseTokenResponse(rest, lazada)).code).toBe('malformed_response');
    expect(parseTokenResponse({ ...rest, user_id: 5 }, lazada).seller).toMatchObject({
      account: '',
      userId: '5',
    });
  });

  it('throws the classified platform error for an error body (found once, by the reply)', () => {
    const body = { type: 'ISV', code: 'IllegalRefreshToken', message: 'x', request_id: 'r' };
    const error = thrown(() => interpretTokenReply({ status: 200, text: JSON.stringify(body) }, lazada));
    expect(error.code).toBe('refresh_token_invalid');
    expect(error.details).toMatchObject({ platformCode: 'IllegalRefreshToken', requestId: 'r' });
  });

  it('never puts a token in its errors', () => {
    const error = thrown(() => parseTokenResponse({ ...lazadaSample, expires_in: 'x' }, lazada));
    const serialized = `${error.message} ${JSON.stringify(error.toData())}`;
    expect(serialized).not.toContain(lazadaSample.access_token);
    expect(serialized).not.toContain(lazadaSample.refresh_token);
  });
});

describe('parseRefreshResponse: lenient, what the reply leaves out keeps its stored value', () => {
  it('keeps a reply with both tokens whose identity fields are missing or odd', () => {
    const reply = { access_token: 'A2', refresh_token: 'R2', expires_in: 3600, refresh_expires_in: DAY_S };
    expect(parseRefreshResponse(reply, { now: NOW })).toEqual({
      accessToken: 'A2',
      refreshToken: 'R2',
      accessExpiresAt: NOW + 3_600_000,
      refreshExpiresAt: NOW + DAY_S * 1000,
      refreshable: true,
      obtainedAt: NOW,
    });
    const odd = { ...reply, account: { nested: true }, country_user_info: 'x', user_id: null };
    expect(parseRefreshResponse(odd, { now: NOW })).toMatchObject({ accessToken: 'A2', refreshToken: 'R2' });
    // A create needs the identity: the same body is refused there.
    expect(thrown(() => parseTokenResponse(reply, lazada))).toMatchObject({ code: 'malformed_response' });
  });

  it('leaves the refresh token and its deadline out when the reply does not state them', () => {
    const tokens = parseRefreshResponse({ access_token: 'A2', expires_in: 3600 }, { now: NOW });
    expect(tokens.refreshToken).toBeUndefined();
    expect(tokens.refreshExpiresAt).toBeUndefined();
    expect(tokens.refreshable).toBe(true);
  });

  it('ends refreshing when the reply says so (refresh_expires_in 0), and still needs an access token', () => {
    const ended = parseRefreshResponse(
      { access_token: 'A2', refresh_token: 'R2', expires_in: 3600, refresh_expires_in: 0 },
      { now: NOW },
    );
    expect(ended).toMatchObject({ refreshable: false, refreshExpiresAt: NOW + 3_600_000 });
    expect(thrown(() => parseRefreshResponse({ refresh_token: 'R2' }, { now: NOW }))).toMatchObject({
      code: 'malformed_response',
    });
  });
});
