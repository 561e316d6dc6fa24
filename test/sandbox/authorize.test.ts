import { describe, expect, it } from 'vitest';
import {
  DEMO_ALIEXPRESS_APP_KEY,
  DEMO_LAZADA_APP_KEY,
  DEMO_SELLERS,
  EXTENSION_CALLBACK_URL,
} from '../../sandbox/index';
import { approvedCode, authorizeUrl, sandboxWithClock, submitLogin } from './support';

const { lazadaSg, lazadaCrossBorder, lazadaMy, aliexpress } = DEMO_SELLERS;

async function getPage(url: string) {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

function lazadaRequest(callbackUrl: string, extra: Record<string, string> = {}) {
  return { response_type: 'code', client_id: DEMO_LAZADA_APP_KEY, redirect_uri: callbackUrl, ...extra };
}

describe('GET /oauth/authorize: requests that get an error page, never a redirect', () => {
  it.each([
    ['an unknown client_id', { client_id: '999999' }, /Unknown client_id/],
    [
      'an unregistered redirect_uri',
      { redirect_uri: 'https://evil.example/cb' },
      /redirect_uri does not match/,
    ],
    [
      'a redirect_uri that only starts like a registered one',
      { redirect_uri: `${EXTENSION_CALLBACK_URL}x` },
      /redirect_uri/,
    ],
    ['a response_type other than code', { response_type: 'token' }, /response_type/],
    ['a uuid on Lazada (docs/protocol.md#authorize-url: it causes an error)', { uuid: 'abc-123' }, /uuid/],
  ])('%s', async (_name, override, message) => {
    const { sandbox } = await sandboxWithClock();
    const page = await getPage(
      authorizeUrl(sandbox, { ...lazadaRequest(sandbox.endpoints.callbackUrl), ...override }),
    );
    expect(page.status).toBe(400);
    expect(page.location).toBeNull();
    expect(page.html).toMatch(message);
    expect(sandbox.log.at(-1)?.outcome).toBe('error_page');
  });

  it('accepts a uuid on AliExpress', async () => {
    const { sandbox } = await sandboxWithClock();
    const page = await getPage(
      authorizeUrl(sandbox, {
        response_type: 'code',
        client_id: DEMO_ALIEXPRESS_APP_KEY,
        redirect_uri: sandbox.endpoints.callbackUrl,
        uuid: 'abc-123',
      }),
    );
    expect(page.status).toBe(200);
    expect(page.html).toContain('AliExpress seller login');
  });
});

describe('the login page', () => {
  it('labels every control and offers Approve and Deny', async () => {
    const { sandbox } = await sandboxWithClock();
    const { html, status } = await getPage(
      authorizeUrl(sandbox, lazadaRequest(sandbox.endpoints.callbackUrl)),
    );
    expect(status).toBe(200);
    const controlIds = [...html.matchAll(/<(?:input|select)\b[^>]*\bid="([^"]+)"/g)].map((m) => m[1]);
    const labelled = [...html.matchAll(/<label for="([^"]+)"/g)].map((m) => m[1]);
    expect(controlIds).toEqual(['account', 'password', 'country']);
    expect(labelled).toEqual(controlIds);
    expect(html).not.toMatch(/<input(?![^>]*\bid=)/);
    expect(html).toMatch(/<button[^>]*value="approve">Approve<\/button>/);
    expect(html).toMatch(/<button[^>]*value="deny">Deny<\/button>/);
  });

  it('lists every venture plus Cross-border, or only those in the country param', async () => {
    const { sandbox } = await sandboxWithClock();
    const options = (html: string) =>
      [...html.matchAll(/<option value="(\w+)"[^>]*>([^<]+)</g)].map((m) => m[2]);
    const all = await getPage(authorizeUrl(sandbox, lazadaRequest(sandbox.endpoints.callbackUrl)));
    expect(options(all.html)).toEqual([
      'Singapore',
      'Malaysia',
      'Thailand',
      'Vietnam',
      'Philippines',
      'Indonesia',
      'Cross-border',
    ]);
    const limited = await getPage(
      authorizeUrl(sandbox, lazadaRequest(sandbox.endpoints.callbackUrl, { country: 'MY,cb' })),
    );
    expect(options(limited.html)).toEqual(['Malaysia', 'Cross-border']);
  });

  it('has no country select on AliExpress', async () => {
    const { sandbox } = await sandboxWithClock();
    const { html } = await getPage(
      authorizeUrl(sandbox, {
        response_type: 'code',
        client_id: DEMO_ALIEXPRESS_APP_KEY,
        redirect_uri: sandbox.endpoints.callbackUrl,
      }),
    );
    expect(html).not.toContain('<select');
  });

  it('shows the page again with an error for a wrong password, and issues nothing', async () => {
    const { sandbox } = await sandboxWithClock();
    const answer = await submitLogin(sandbox, {
      appKey: DEMO_LAZADA_APP_KEY,
      account: lazadaSg.account,
      password: 'wrong',
      country: 'sg',
    });
    expect(answer.status).toBe(200);
    expect(answer.location).toBeNull();
    expect(answer.html).toMatch(/role="alert">Wrong account or password/);
    expect(answer.html).toContain(`value="${lazadaSg.account}"`);
    expect(sandbox.log.at(-1)?.outcome).toBe('login_failed');
  });

  it('refuses a seller of the other platform as if the password were wrong', async () => {
    const { sandbox } = await sandboxWithClock();
    const answer = await submitLogin(sandbox, {
      appKey: DEMO_LAZADA_APP_KEY,
      account: aliexpress.account,
      country: 'sg',
    });
    expect(answer.html).toMatch(/Wrong account or password/);
  });

  it.each([
    ['a venture the seller has no shop in', lazadaMy.account, 'sg', /no shop in Singapore/],
    ['a venture for the cross-border seller', lazadaCrossBorder.account, 'sg', /choose Cross-border/],
    ['Cross-border for a single-venture seller', lazadaSg.account, 'cb', /not a cross-border seller/],
    ['a country outside the list', lazadaSg.account, 'xx', /Choose a country from the list/],
  ])('answers %s with an error on the page', async (_name, account, country, message) => {
    const { sandbox } = await sandboxWithClock();
    const answer = await submitLogin(sandbox, { appKey: DEMO_LAZADA_APP_KEY, account, country });
    expect(answer.status).toBe(200);
    expect(answer.location).toBeNull();
    expect(answer.html).toMatch(message);
  });

  it('refuses a country the request limited away, even one the seller has', async () => {
    const { sandbox } = await sandboxWithClock();
    const answer = await submitLogin(sandbox, {
      appKey: DEMO_LAZADA_APP_KEY,
      countryLimit: 'my',
      account: lazadaSg.account,
      country: 'sg',
    });
    expect(answer.html).toMatch(/Choose a country from the list/);
  });
});

describe('approve and deny', () => {
  const trickyState = 'a b+c&d=e/ü?#%';

  it('Approve redirects to redirect_uri with a Lazada-shaped code and the state unchanged', async () => {
    const { sandbox } = await sandboxWithClock();
    const answer = await submitLogin(sandbox, {
      appKey: DEMO_LAZADA_APP_KEY,
      state: trickyState,
      account: lazadaSg.account,
      country: 'sg',
    });
    expect(answer.status).toBe(302);
    const location = new URL(answer.location ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(sandbox.endpoints.callbackUrl);
    expect(location.searchParams.get('code')).toMatch(/^0_100001_[A-Za-z0-9]{25}$/);
    expect(location.searchParams.get('state')).toBe(trickyState);
    expect(sandbox.log.at(-1)).toMatchObject({
      endpoint: 'authorize',
      appKey: '100001',
      outcome: 'approved',
    });
  });

  it('redirects to the extension callback too (both are registered)', async () => {
    const { sandbox } = await sandboxWithClock();
    const answer = await submitLogin(sandbox, {
      appKey: DEMO_LAZADA_APP_KEY,
      redirectUri: EXTENSION_CALLBACK_URL,
      state: 's1',
      account: lazadaCrossBorder.account,
      country: 'cb',
    });
    expect(answer.location).toMatch(
      /^https:\/\/fffnjcdamfdmpeafhgelpgehapcbeilk\.chromiumapp\.org\/\?code=0_100001_/,
    );
  });

  it('gives AliExpress codes the 3_ prefix, and ignores a country', async () => {
    const { sandbox } = await sandboxWithClock();
    const code = await approvedCode(sandbox, {
      appKey: DEMO_ALIEXPRESS_APP_KEY,
      account: aliexpress.account,
    });
    expect(code).toMatch(/^3_500001_[A-Za-z0-9]{25}$/);
  });

  it('Deny redirects with error=access_denied, a description and the state, without asking the password', async () => {
    const { sandbox } = await sandboxWithClock();
    const answer = await submitLogin(sandbox, {
      appKey: DEMO_LAZADA_APP_KEY,
      state: trickyState,
      account: '',
      password: '',
      decision: 'deny',
    });
    expect(answer.status).toBe(302);
    const location = new URL(answer.location ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error_description')).toMatch(/denied/);
    expect(location.searchParams.get('state')).toBe(trickyState);
    expect(location.searchParams.has('code')).toBe(false);
    expect(sandbox.log.at(-1)?.outcome).toBe('denied');
  });

  it('leaves state out of the redirect when the request had none', async () => {
    const { sandbox } = await sandboxWithClock();
    const answer = await submitLogin(sandbox, {
      appKey: DEMO_LAZADA_APP_KEY,
      account: lazadaSg.account,
      country: 'sg',
    });
    expect(new URL(answer.location ?? '').searchParams.has('state')).toBe(false);
  });

  it('re-checks the request on POST: a forged form cannot pick another redirect_uri', async () => {
    const { sandbox } = await sandboxWithClock();
    const forged = authorizeUrl(sandbox, lazadaRequest('https://evil.example/cb'));
    const response = await fetch(forged, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        account: lazadaSg.account,
        password: 'demo',
        country: 'sg',
        decision: 'approve',
      }),
      redirect: 'manual',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('location')).toBeNull();
  });
});

describe('the loopback callback page', () => {
  it('tells the seller the tab can be closed', async () => {
    const { sandbox } = await sandboxWithClock();
    const response = await fetch(`${sandbox.endpoints.callbackUrl}?code=0_100001_x&state=s`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('Authorization received, you can close this tab');
  });

  it('logs each visit by what it carried, never the code itself', async () => {
    const { sandbox } = await sandboxWithClock();
    const secretCode = '0_100001_codeThatMustNotBeLogged';
    await fetch(`${sandbox.endpoints.callbackUrl}?code=${secretCode}&state=s`);
    await fetch(`${sandbox.endpoints.callbackUrl}?error=access_denied&state=s`);
    await fetch(sandbox.endpoints.callbackUrl);
    expect(sandbox.log.map(({ endpoint, method, outcome }) => ({ endpoint, method, outcome }))).toEqual([
      { endpoint: 'callback', method: 'GET', outcome: 'code' },
      { endpoint: 'callback', method: 'GET', outcome: 'error' },
      { endpoint: 'callback', method: 'GET', outcome: 'empty' },
    ]);
    expect(JSON.stringify(sandbox.log)).not.toContain(secretCode);
  });
});
