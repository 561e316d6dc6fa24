import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { flowTimeoutOverride } from './scripts/build-flags.ts';
import { localesPlugin } from './scripts/locales-plugin.ts';
import { extensionIdFromKey, manifestFor, withConnectSources } from './scripts/manifest-for.ts';
import { pageChunks } from './scripts/page-chunks.ts';

/**
 * crxjs lists every `?script` import as web accessible to all sites. The bridge content script is only
 * ever registered with `scripting.registerContentScripts`, which needs no such entry: drop it, so no
 * web page can fetch the file to learn that Seller Auth is installed.
 */
const BRIDGE_SCRIPT = 'src/bridge/adapters/content-bridge.js';
function keepBridgeUnlisted(): Plugin {
  return {
    name: 'seller-auth:keep-bridge-unlisted',
    enforce: 'post',
    // After crxjs wrote the manifest: it settles web_accessible_resources last of all.
    writeBundle(options) {
      if (!options.dir) return;
      const path = join(options.dir, 'manifest.json');
      if (!existsSync(path)) return;
      const manifest = JSON.parse(readFileSync(path, 'utf8')) as {
        web_accessible_resources?: { resources: string[] }[];
      };
      const entries = (manifest.web_accessible_resources ?? [])
        .map((entry) => ({ ...entry, resources: entry.resources.filter((file) => file !== BRIDGE_SCRIPT) }))
        .filter((entry) => entry.resources.length > 0);
      if (entries.length > 0) manifest.web_accessible_resources = entries;
      else delete manifest.web_accessible_resources;
      writeFileSync(path, JSON.stringify(manifest, null, 2));
    },
  };
}

/** The dev server (`npm run dev`) loads modules and keeps its reload socket on this port. */
const DEV_PORT = 5173;

/**
 * `vite build` gives the store build in dist/ (unpacked, so it keeps the manifest `key`; `npm run
 * package` zips it without). `vite build --mode sandbox` gives dist-sandbox/, the same extension plus
 * the local IOP sandbox's loopback hosts, so the demo and the browser tests need no permission prompt.
 * `SELLER_AUTH_PUBLIC_KEY=... vite build` pins dist/ to the store listing's id (scripts/manifest-for.ts).
 * `SELLER_AUTH_FLOW_TIMEOUT_MS=... vite build --mode sandbox` shortens the login timeout (tests only).
 */
export default defineConfig(({ mode, command }) => {
  const sandbox = mode === 'sandbox';
  const flavour = sandbox ? 'sandbox' : 'store';
  const built = manifestFor(baseManifest, { flavour, publicKey: process.env.SELLER_AUTH_PUBLIC_KEY });
  // The CSP would refuse the dev server its module loads and reload socket: `vite` (serve) only.
  const manifest =
    command === 'serve'
      ? withConnectSources(built, [`http://localhost:${DEV_PORT}`, `ws://localhost:${DEV_PORT}`])
      : built;
  if (manifest.key !== baseManifest.key) {
    console.info(
      `Seller Auth: key from SELLER_AUTH_PUBLIC_KEY, extension id ${extensionIdFromKey(manifest.key)}`,
    );
  }
  return {
    plugins: [preact(), crx({ manifest }), localesPlugin('src/_locales'), keepBridgeUnlisted()],
    define: {
      // Plain http to loopback endpoints only where the sandbox can be (src/platforms/endpoint-url.ts).
      __SELLER_AUTH_LOOPBACK_HTTP__: JSON.stringify(sandbox),
      __SELLER_AUTH_FLOW_TIMEOUT_MS__: JSON.stringify(
        flowTimeoutOverride(flavour, process.env.SELLER_AUTH_FLOW_TIMEOUT_MS),
      ),
    },
    build: {
      outDir: sandbox ? 'dist-sandbox' : 'dist',
      emptyOutDir: true,
      target: 'chrome116',
      sourcemap: false,
      // Pages the manifest does not name: the seller tools' consent window.
      rollupOptions: {
        input: { consent: 'src/consent/index.html' },
        output: { codeSplitting: pageChunks(baseManifest.background.service_worker) },
      },
    },
    server: { port: DEV_PORT, strictPort: true, hmr: { port: DEV_PORT } },
  };
});
