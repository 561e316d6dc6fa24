import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';
import baseManifest from './manifest.json' with { type: 'json' };

/**
 * `vite build` gives the store build in dist/. `vite build --mode sandbox` gives dist-sandbox/, the
 * same extension plus a host permission for the local IOP sandbox on 127.0.0.1, so the demo and the
 * browser tests need no runtime permission prompt. The production manifest stays minimal.
 */
export default defineConfig(({ mode }) => {
  const sandbox = mode === 'sandbox';
  const manifest = sandbox
    ? {
        ...baseManifest,
        name: `${baseManifest.name} (sandbox)`,
        host_permissions: [...baseManifest.host_permissions, 'http://127.0.0.1/*'],
      }
    : baseManifest;
  return {
    plugins: [preact(), crx({ manifest })],
    build: {
      outDir: sandbox ? 'dist-sandbox' : 'dist',
      emptyOutDir: true,
      target: 'chrome116',
      sourcemap: false,
    },
    server: { port: 5173, strictPort: true, hmr: { port: 5173 } },
  };
});
