/**
 * Drives the BUILT extension (dist-sandbox/) in a real headless Chromium with Playwright, as
 * TOOLCHAIN.md measured it: a persistent profile (so restarts keep IndexedDB), the extension loaded
 * unpacked, the worker reached through `context.serviceWorkers()`.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../dist-sandbox');
/** Pinned by the manifest `key`: the same on every machine. */
export const EXTENSION_ID = 'fffnjcdamfdmpeafhgelpgehapcbeilk';
export const IDENTITY_CALLBACK_URL = `https://${EXTENSION_ID}.chromiumapp.org/`;

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((path): path is string => !!path && existsSync(path));
  if (!found)
    throw new Error('Chromium not found: install it (apt-get install -y chromium) or set CHROMIUM_PATH.');
  return found;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  /** Opens an extension page (`src/popup/index.html`, `src/options/index.html`). */
  openPage(path: string): Promise<Page>;
  /** Stops every service worker (CDP), proving nothing lives in worker memory. */
  stopWorker(): Promise<void>;
  /** Closes the browser but keeps the profile (for restart tests). */
  close(): Promise<void>;
  /** Closes the browser and deletes the profile. */
  dispose(): Promise<void>;
}

export interface LaunchOptions {
  /** Another build of the extension than dist-sandbox/ (see ./sandbox-build.ts). */
  extensionDir?: string;
  profileDir?: string;
  headless?: boolean;
  /** More unpacked extensions loaded next to Seller Auth (a stranger extension, for security tests). */
  alsoLoad?: readonly string[];
  /** Chrome's language (`--lang`), which picks the catalog `chrome.i18n` reads. */
  lang?: string;
}

export async function launchExtension(options: LaunchOptions = {}) {
  const extensionDir = options.extensionDir ?? EXTENSION_DIR;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error(`Build the sandbox extension first: npm run build:sandbox (${extensionDir} is missing)`);
  }
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'seller-auth-profile-')));
  const extensionDirs = [extensionDir, ...(options.alsoLoad ?? [])].join(',');
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    args: [
      `--disable-extensions-except=${extensionDirs}`,
      `--load-extension=${extensionDirs}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(options.lang ? [`--lang=${options.lang}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  const openPage = async (path: string) => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/${path}`);
    return page;
  };

  const stopWorker = async () => {
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/src/popup/index.html`);
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await cdp.detach();
    await page.close();
  };

  const close = () => context.close();
  const dispose = async () => {
    await context.close().catch(() => {});
    await rm(profileDir, { recursive: true, force: true });
  };

  return {
    context,
    worker,
    extensionId,
    profileDir,
    openPage,
    stopWorker,
    close,
    dispose,
  } satisfies ExtensionBrowser;
}
