/**
 * The zip `npm run package` writes, unpacked and loaded in Chromium as the store would install it:
 * without a manifest key, so Chrome gives it an id of its own, as the Web Store does. The options page
 * must show that install's callback URL, and the store build must refuse the sandbox's plain http.
 */
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import manifest from '../../manifest.json' with { type: 'json' };
import { readZip } from '../../scripts/test/read-zip';
import { chromiumPath, EXTENSION_ID } from '../support/browser';

const ROOT = resolve(import.meta.dirname, '../..');

let work: string;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'seller-auth-store-'));
  const { NODE_ENV: _nodeEnv, ...env } = process.env;
  await promisify(execFile)(
    process.execPath,
    [
      '--import',
      'tsx',
      'scripts/package.ts',
      '--out-dir',
      join(work, 'dist'),
      '--release-dir',
      join(work, 'release'),
    ],
    { cwd: ROOT, env },
  );
  const unpacked = join(work, 'installed');
  for (const entry of readZip(await readFile(join(work, 'release', `seller-auth-${manifest.version}.zip`)))) {
    await mkdir(dirname(join(unpacked, entry.name)), { recursive: true });
    await writeFile(join(unpacked, entry.name), entry.data);
  }
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      `--disable-extensions-except=${unpacked}`,
      `--load-extension=${unpacked}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  extensionId = new URL(worker.url()).host;
});

afterAll(async () => {
  await context?.close();
  await rm(work, { recursive: true, force: true });
});

test('the store package installs with an id of its own, and the options page shows its callback URL', async () => {
  expect(extensionId).toMatch(/^[a-p]{32}$/);
  expect(extensionId).not.toBe(EXTENSION_ID);

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
  await options.getByRole('button', { name: 'Add app' }).click();
  const form = options.getByRole('form', { name: 'Add app' });
  expect(await form.getByLabel('Extension callback URL').inputValue()).toBe(
    `https://${extensionId}.chromiumapp.org/`,
  );

  // Plain http to loopback is the sandbox build's: the store build asks for https.
  await form.getByText('Advanced: custom endpoints').click();
  await form.getByLabel('Token create URL').fill('http://127.0.0.1:8787/rest/auth/token/create');
  await form.getByRole('button', { name: 'Save app' }).click();
  await form.getByText('The token URL must use https.').waitFor();
});

test('the popup opens from the store package and hears from the worker', async () => {
  const popup = await context.newPage();
  const errors: string[] = [];
  popup.on('pageerror', (error) => errors.push(error.message));
  await popup.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
  await popup.getByRole('heading', { name: 'Seller Auth' }).waitFor();
  // The worker answered: with no app yet, the popup offers the set-up.
  await popup.getByRole('button', { name: 'Set up your app' }).waitFor();
  expect(errors).toEqual([]);
});

test('the store build connects over https only: a plain http request never leaves, from worker or page', async () => {
  const received: string[] = [];
  const server = createServer((request, response) => {
    received.push(request.url ?? '');
    response.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/probe`;
  // `no-cors`: without the CSP this request is sent even with no host access (measured).
  const probe = async (target: string) => {
    const violations: string[] = [];
    globalThis.addEventListener('securitypolicyviolation', (event) => {
      violations.push(event.violatedDirective);
    });
    const outcome = await fetch(target, { mode: 'no-cors' }).then(
      () => 'sent',
      (error: unknown) => String(error),
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    return { outcome, violations };
  };
  try {
    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/src/options/index.html`);
    const refused = { outcome: 'TypeError: Failed to fetch', violations: ['connect-src'] };
    expect(await worker.evaluate(probe, url)).toEqual(refused);
    expect(await options.evaluate(probe, url)).toEqual(refused);
    expect(received).toEqual([]);
  } finally {
    server.close();
  }
});
