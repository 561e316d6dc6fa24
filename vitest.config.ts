import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';

/** Every project reads words through `t`, from the English catalog (test/support/english-messages.ts). */
const setupFiles = ['./test/support/english-messages.ts'];

export default defineConfig({
  test: {
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', setupFiles },
      },
      {
        plugins: [preact()],
        test: {
          name: 'components',
          include: ['test/components/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles,
        },
      },
      {
        // The benchmark's pure helpers (the benchmark itself is `npm run bench`).
        test: { name: 'bench', include: ['bench/test/**/*.test.ts'], environment: 'node', setupFiles },
      },
      {
        // The build and packaging scripts; the package test runs the real `npm run package` twice.
        test: {
          name: 'scripts',
          setupFiles,
          include: ['scripts/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'sandbox',
          setupFiles,
          include: ['test/sandbox/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        // The simulator's own parts, and a short run of it (the full one is `npm run simulate`).
        test: {
          name: 'simulate',
          setupFiles,
          include: ['sim/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
        },
      },
      {
        // The built extension in a real Chromium against the sandbox: one browser at a time.
        test: {
          name: 'e2e',
          setupFiles,
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          fileParallelism: false,
          testTimeout: 90_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
