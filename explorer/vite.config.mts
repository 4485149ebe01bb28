import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// `npm run build` bundles the explorer into dist/explorer; the gateway serves the page on a
// browser's GET /graphql and the files under /explorer/ (gateway/explorer/explorer.routes.ts).
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/explorer/',
  plugins: [react()],
  // `npm start` builds it: warnings only (`--logLevel info` lists each file's size).
  logLevel: 'warn',
  // Monaco's workers are bundled as files of their own (graphiql/setup-workers/vite), same origin.
  worker: { format: 'es' },
  build: {
    outDir: fileURLToPath(new URL('../dist/explorer', import.meta.url)),
    emptyOutDir: true,
    // Monaco alone is a few MB; the page is a developer tool served from the gateway itself.
    chunkSizeWarningLimit: 6_000,
    rollupOptions: {
      onwarn(warning, warn) {
        // GraphiQL's "use no memo" hints for the React compiler; dropping them is harmless.
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
