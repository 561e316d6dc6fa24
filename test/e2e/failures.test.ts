/**
 * Logins that go wrong. Each shows its own words in the popup, ends the attempt with its named code,
 * and stores nothing: the shop connected before stays exactly as it was.
 */
import type { Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from 'vitest';
import { DEMO_SELLERS } from '../../sandbox/index';
import type { Grant } from '../../src/grants/model';
import type { ErrorCode } from '../../src/shared/errors';
import type { AppView } from '../../src/shared/model';
import {
  connectSeller,
  loginOnSandbox,
  loginPageOpenedBy,
  type Session,
  sandboxOutcomes,
  startSession,
} from '../support/session';

const connectedSeller = DEMO_SELLERS.lazadaSg;
/** Who tries to connect in the failing attempts: a success would show up as a second grant. */
const otherSeller = DEMO_SELLERS.lazadaMy;

let session: Session;
let app: AppView;
let storedBefore: Grant[];
/** The code the first (successful) login delivered: the extension has already exchanged it. */
let spentCode: string;

const isAuthorizeUrl = (url: URL) => url.pathname === '/oauth/authorize';

/** Lets the login form's POST reach the sandbox, then hands `rewrite` the redirect it answered with. */
function onLoginRedirect(rewrite: (location: URL) => void) {
  return async (route: Route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    const answer = await route.fetch({ maxRedirects: 0 });
    const location = new URL(answer.headers().location ?? '');
    rewrite(location);
    await route.fulfill({ status: answer.status(), headers: { location: location.toString() } });
  };
}

beforeAll(async () => {
  session = await startSession();
  app = await session.addSandboxApp({ platform: 'lazada' });
  const { context } = session.browser;
  await context.route(
    isAuthorizeUrl,
    onLoginRedirect((location) => {
      spentCode = location.searchParams.get('code') ?? '';
    }),
  );
  await connectSeller(session, app, connectedSeller);
  await context.unroute(isAuthorizeUrl);
  storedBefore = await session.storedGrants();
  expect(storedBefore).toHaveLength(1);
  expect(spentCode).toMatch(/\S/);
});

afterAll(async () => {
  await session?.close();
});

let tokenCallsBefore: number;
let popup: Page;

beforeEach(async () => {
  // Each test starts from a popup with no earlier outcome on show.
  await session.call('connect.dismiss', undefined);
  tokenCallsBefore = sandboxOutcomes(session.sandbox, 'token.create').length;
  popup = await session.browser.openPage('src/popup/index.html');
});

afterEach(async () => {
  for (const page of session.browser.context.pages()) {
    if (page !== session.control) await page.close();
  }
});

function startLogin(): Promise<Page> {
  return loginPageOpenedBy(session, () => popup.getByRole('button', { name: 'Connect shop' }).click());
}

/** The popup's notice for this failure, the attempt's code, and the previous shop still listed. */
async function expectFailureShown(code: ErrorCode, title: string, detail: string): Promise<string> {
  const notice = popup.getByRole('alert').filter({ hasText: title });
  await notice.waitFor();
  expect(await notice.locator('.notice__detail').textContent()).toBe(detail);
  await notice.getByRole('button', { name: 'Authorize again' }).waitFor();
  const attempt = await session.call('connect.status', undefined);
  expect(attempt).toMatchObject({ phase: 'failed', error: { code } });
  expect(attempt?.grantId).toBeUndefined();
  const previous = popup.getByRole('listitem', {
    name: `${connectedSeller.account}, Singapore, ${app.name}`,
    exact: true,
  });
  expect(await previous.locator('.pill').textContent()).toBe('Connected');
  return `${await notice.textContent()}\n${JSON.stringify(attempt)}`;
}

/** Nothing stored or changed, and only `tokenCalls` reached the token endpoint during the test. */
async function expectNothingStored(tokenCalls: string[]) {
  expect(await session.storedGrants()).toEqual(storedBefore);
  expect(sandboxOutcomes(session.sandbox, 'token.create').slice(tokenCallsBefore)).toEqual(tokenCalls);
}

function lastAuthorizeOutcome(): string | undefined {
  return sandboxOutcomes(session.sandbox, 'authorize').at(-1);
}

test('Deny on the login page: "Access was not granted", nothing stored', async () => {
  const login = await startLogin();
  await loginOnSandbox(login, { account: otherSeller.account, country: 'my', decision: 'deny' });

  await expectFailureShown(
    'authorization_denied',
    'Access was not granted',
    'The seller did not approve access for the app.',
  );
  expect(lastAuthorizeOutcome()).toBe('denied');
  await expectNothingStored([]);
});

test('the login window closed by the user: "Login cancelled", nothing stored', async () => {
  const login = await startLogin();
  await login.getByLabel('Account').fill(otherSeller.account);
  await login.close();

  await expectFailureShown(
    'login_cancelled',
    'Login cancelled',
    'The login window was closed before the seller finished.',
  );
  expect(lastAuthorizeOutcome()).toBe('login_page');
  await expectNothingStored([]);
});

test('a tampered state: "Login could not be verified", the code is never exchanged', async () => {
  const login = await startLogin();
  // The form posts back to /oauth/authorize with the request's query, so the platform redirects
  // with whatever `state` that query carries: change it, as a forged or crossed-over login would.
  await login.evaluate(() => {
    const form = document.querySelector('form');
    if (!form) throw new Error('no login form');
    const action = new URL(form.action);
    action.searchParams.set('state', `${action.searchParams.get('state')}-forged`);
    form.action = action.toString();
  });
  await loginOnSandbox(login, { account: otherSeller.account, country: 'my' });

  await expectFailureShown(
    'state_mismatch',
    'Login could not be verified',
    'The answer from the login did not match this attempt, so it was ignored for safety. Connect again.',
  );
  // The platform did issue a code, but the extension refused to spend it.
  expect(lastAuthorizeOutcome()).toBe('approved');
  await expectNothingStored([]);
});

test('a reused code: "The login expired", the platform refuses it, nothing stored', async () => {
  const login = await startLogin();
  // A replayed redirect: this attempt's own redirect (right state, right callback), but carrying the
  // code the first login delivered and the extension already exchanged. The sandbox, like the
  // platform, accepts a code once.
  await login.route(
    isAuthorizeUrl,
    onLoginRedirect((location) => location.searchParams.set('code', spentCode)),
  );
  await loginOnSandbox(login, { account: connectedSeller.account, country: 'sg' });

  const shown = await expectFailureShown(
    'invalid_code',
    'The login expired',
    'The authorization code was already used or is older than 30 minutes. Connect the shop again.',
  );
  expect(shown).toContain('Platform code: InvalidCode');
  await expectNothingStored(['InvalidCode']);
  // Neither the notice nor the attempt a page can read repeats the code or any token.
  const [grant] = storedBefore;
  for (const secret of [spentCode, grant?.accessToken, grant?.refreshToken]) {
    expect(secret).toBeTruthy();
    expect(shown).not.toContain(secret);
  }
});
