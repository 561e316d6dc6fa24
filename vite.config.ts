import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };
import { extensionIdFromKey, manifestFor } from './scripts/manifest-for.ts';

/**
 * `vite build` gives the store build in dist/ (unpacked, so it keeps the manifest `key`; `npm run
 * package` zips it without). `vite build --mode sandbox` gives dist-sandbox/, the same extension plus
 * the local IOP sandbox's loopback hosts, so the demo and the browser tests need no permission prompt.
 * `SELLER_AUTH_PUBLIC_KEY=... vite build` pins dist/ to the store listing's id (scripts/manifest-for.ts).
 */
export default defineConfig(({ mode }) => {
  const sandbox = mode === 'sandbox';
  const manifest = manifestFor(baseManifest, {
    flavour: sandbox ? 'sandbox' : 'store',
    publicKey: process.env.SELLER_AUTH_PUBLIC_KEY,
  });
  if (manifest.key !== baseManifest.key) {
    console.info(
      `Seller Auth: key from SELLER_AUTH_PUBLIC_KEY, extension id ${extensionIdFromKey(manifest.key)}`,
    );
  }
  return {
    plugins: [preact(), crx({ manifest })],
    // Plain http to loopback endpoints only where the sandbox can be (src/platforms/endpoint-url.ts).
    define: { __SELLER_AUTH_LOOPBACK_HTTP__: JSON.stringify(sandbox) },
    build: {
      outDir: sandbox ? 'dist-sandbox' : 'dist',
      emptyOutDir: true,
      target: 'chrome116',
      sourcemap: false,
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
