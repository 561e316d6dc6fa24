/**
 * A login left open past the flow timeout ends as `attempt_expired` and closes what it opened: the
 * login tab (lifting its callback block), or the window Chrome opened for launchWebAuthFlow, which has
 * no cancel of its own. Runs a sandbox build of its own whose login timeout is a few seconds.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import type { AppView, AttemptView } from '../../src/shared/model';
import { buildSandboxVariant, type SandboxBuild } from '../support/sandbox-build';
import { atLoginPage, type Session, sandboxOutcomes, startSession } from '../support/session';

const FLOW_TIMEOUT_MS = 3_000;

let build: SandboxBuild | undefined;
let session: Session | undefined;

beforeAll(async () => {
  build = await buildSandboxVariant({ SELLER_AUTH_FLOW_TIMEOUT_MS: String(FLOW_TIMEOUT_MS) });
});

afterAll(async () => {
  await build?.remove();
});

afterEach(async () => {
  await session?.close();
  session = undefined;
});

async function startShortTimeoutSession(): Promise<Session> {
  if (!build) throw new Error('the sandbox build with a short login timeout is missing');
  session = await startSession({ extensionDir: build.dir });
  return session;
}

/** Starts "Connect shop" and leaves the login page that opens untouched. */
async function startIdleLogin(
  current: Session,
  app: AppView,
): Promise<{ login: Page; finished: Promise<AttemptView> }> {
  const opened = current.browser.context.waitForEvent('page', { timeout: 10_000 });
  const finished = current.call('connect.start', { appId: app.id, countries: ['sg'] });
  const login = await atLoginPage(await opened);
  return { login, finished };
}

function popupWindows(current: Session) {
  return current.browser.worker.evaluate(async () =>
    (await chrome.windows.getAll({ windowTypes: ['popup'] })).map((window) => window.id),
  );
}

test("the identity flow's login window is closed at the timeout, and the next login can open one", async () => {
  const current = await startShortTimeoutSession();
  const app = await current.addSandboxApp({ platform: 'lazada', callback: 'identity' });

  const first = await startIdleLogin(current, app);
  const closed = first.login.waitForEvent('close');
  expect(await popupWindows(current)).toHaveLength(1);
  expect(await first.finished).toMatchObject({ phase: 'failed', error: { code: 'attempt_expired' } });
  await closed;
  expect(await popupWindows(current)).toEqual([]);

  // Closing the window ended Chrome's flow: a new login gets a window, not "Only one web auth flow".
  const second = await startIdleLogin(current, app);
  expect(second.login.url()).toContain('/oauth/authorize');
  expect(await second.finished).toMatchObject({ phase: 'failed', error: { code: 'attempt_expired' } });
  await expect.poll(() => popupWindows(current)).toEqual([]);
  expect(sandboxOutcomes(current.sandbox, 'token.create')).toEqual([]);
});

test('a tab login is closed at the timeout, and its callback block lifted', async () => {
  const current = await startShortTimeoutSession();
  const app = await current.addSandboxApp({ platform: 'lazada', callback: 'tab' });

  const { login, finished } = await startIdleLogin(current, app);
  const closed = login.waitForEvent('close');
  const rules = () => current.browser.worker.evaluate(() => chrome.declarativeNetRequest.getSessionRules());
  expect(await rules()).toHaveLength(1);
  expect(await finished).toMatchObject({ phase: 'failed', error: { code: 'attempt_expired' } });
  await closed;
  await expect.poll(rules).toEqual([]);
  expect(sandboxOutcomes(current.sandbox, 'callback')).toEqual([]);
});
