/**
 * Only Seller Auth's own pages can talk to its worker's page protocol. A web page gets no messaging API
 * at all (`externally_connectable` names extension ids only), and another extension reaches only the
 * seller tools API (test/e2e/tools-extension.test.ts), which knows none of the pages' messages.
 * The router's own sender check (a content script, a forged url) cannot be produced faithfully here:
 * this extension injects no content scripts. test/unit/background/messaging/router.test.ts covers it.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_SELLERS } from '../../sandbox/index';
import type { Grant } from '../../src/grants/model';
import type { AppView } from '../../src/shared/model';
import { EXTENSION_ID } from '../support/browser';
import { connectSeller, type Session, startSession } from '../support/session';

/** A stranger extension with one empty page, pinned to a known id by its own manifest `key`. */
async function writeStrangerExtension(): Promise<{ dir: string; id: string }> {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  // Chrome's id: the first 32 hex digits of sha256(key), each digit mapped 0-f to a-p.
  const id = [...createHash('sha256').update(der).digest('hex').slice(0, 32)]
    .map((digit) => String.fromCharCode('a'.charCodeAt(0) + Number.parseInt(digit, 16)))
    .join('');
  const dir = await mkdtemp(join(tmpdir(), 'seller-auth-stranger-'));
  const manifest = { manifest_version: 3, name: 'Stranger', version: '1.0', key: der.toString('base64') };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(join(dir, 'page.html'), '<!DOCTYPE html><title>Stranger</title>');
  return { dir, id };
}

let stranger: { dir: string; id: string };
let session: Session;
let app: AppView;
let grant: Grant;

beforeAll(async () => {
  stranger = await writeStrangerExtension();
  session = await startSession({ alsoLoad: [stranger.dir] });
  app = await session.addSandboxApp({ platform: 'lazada' });
  await connectSeller(session, app, DEMO_SELLERS.lazadaSg);
  const [connected] = await session.storedGrants();
  if (!connected) throw new Error('the seller did not connect');
  grant = connected;
});

afterAll(async () => {
  await session?.close();
  if (stranger) await rm(stranger.dir, { recursive: true, force: true });
});

/** Messages a hostile sender would try: hand out the token, and delete the app with its shops. */
function hostileMessages() {
  return [
    { type: 'grants.accessToken', payload: { grantId: grant.id } },
    { type: 'apps.remove', payload: { appId: app.id } },
  ];
}

async function expectNothingChanged() {
  expect(await session.storedGrants()).toEqual([grant]);
  expect((await session.call('apps.list', undefined)).map((listed) => listed.id)).toEqual([app.id]);
}

test('a web page has no way to message the worker', async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`${session.sandbox.url}/`);

  const outcome = await page.evaluate(
    async ({ extensionId, messages }) => {
      const runtime = (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime;
      if (typeof runtime?.sendMessage !== 'function') return { available: false, replies: [] };
      const send = runtime.sendMessage as (id: string, message: unknown) => Promise<unknown>;
      const replies = await Promise.all(
        messages.map((message) => send(extensionId, message).catch((error: Error) => error.message)),
      );
      return { available: true, replies };
    },
    { extensionId: EXTENSION_ID, messages: hostileMessages() },
  );

  expect(outcome).toEqual({ available: false, replies: [] });
  await page.close();
  await expectNothingChanged();
});

test("another extension is refused every message of the pages' protocol", async () => {
  const page = await session.browser.context.newPage();
  await page.goto(`chrome-extension://${stranger.id}/page.html`);

  const replies = await page.evaluate(
    ({ extensionId, messages }) =>
      Promise.all(
        messages.map((message) =>
          chrome.runtime.sendMessage(extensionId, message).then(
            (reply: unknown) => ({ reply }),
            (error: Error) => ({ refused: error.message }),
          ),
        ),
      ),
    { extensionId: EXTENSION_ID, messages: hostileMessages() },
  );

  const refused = { reply: { ok: false, error: expect.objectContaining({ code: 'invalid_input' }) } };
  expect(replies).toEqual([refused, refused]);
  expect(JSON.stringify(replies)).not.toContain(grant.accessToken);
  await page.close();
  await expectNothingChanged();
  // The same request from Seller Auth's own page is answered: only the sender made the difference.
  expect(await session.call('grants.accessToken', { grantId: grant.id })).toMatchObject({
    accessToken: grant.accessToken,
  });
});
