import { defineConfig } from 'vitest/config';

/** The benchmark's own pure helpers: `npx vitest run --config bench/vitest.config.ts`. */
export default defineConfig({
  test: { name: 'bench', root: import.meta.dirname, include: ['test/**/*.test.ts'], environment: 'node' },
});
