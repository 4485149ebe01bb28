import swc from 'unplugin-swc';
import { defineConfig } from 'vitest/config';

// swc emits decorator metadata (esbuild does not); graphql is pinned to its CommonJS build so the
// project and the Apollo packages share one graphql module.
const shared = {
  plugins: [swc.vite()],
  resolve: { alias: { graphql: 'graphql/index.js' } },
};

export default defineConfig({
  ...shared,
  test: {
    pool: 'forks',
    setupFiles: ['reflect-metadata'],
    projects: [
      {
        ...shared,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          setupFiles: ['reflect-metadata'],
        },
      },
      {
        ...shared,
        test: {
          name: 'schema',
          include: ['test/schema/**/*.test.ts'],
          setupFiles: ['reflect-metadata'],
          testTimeout: 30_000,
        },
      },
      {
        ...shared,
        test: {
          // One subgraph: its database, migrations, jobs, its own endpoint.
          name: 'subgraph',
          globalSetup: ['test/support/global-setup.ts'],
          include: ['test/subgraphs/**/*.test.ts'],
          setupFiles: ['reflect-metadata'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...shared,
        test: {
          // The whole stack: every subgraph and the gateway on port 0, over HTTP and websockets.
          name: 'e2e',
          globalSetup: ['test/support/global-setup.ts'],
          include: ['test/e2e/**/*.test.ts'],
          setupFiles: ['reflect-metadata'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        ...shared,
        test: {
          // Debian's Chromium against the stack serving the built frontends (test/browser/support).
          name: 'browser',
          globalSetup: ['test/browser/support/global-setup.ts'],
          include: ['test/browser/**/*.test.ts'],
          setupFiles: ['reflect-metadata'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page answers in its own time: wait for what a user would wait for, not a second.
          expect: { poll: { timeout: 20_000, interval: 100 } },
        },
      },
    ],
  },
});
