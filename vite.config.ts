import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { flowTimeoutOverride } from './scripts/build-flags.ts';
import { localesPlugin } from './scripts/locales-plugin.ts';
import { extensionIdFromKey, manifestFor, withConnectSources } from './scripts/manifest-for.ts';

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
    plugins: [preact(), crx({ manifest }), localesPlugin('src/_locales')],
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
    },
    server: { port: DEV_PORT, strictPort: true, hmr: { port: DEV_PORT } },
  };
});
