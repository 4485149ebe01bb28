import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The console is served by the gateway under /console (gateway/console/console-routes.ts); in
// `npm run dev:console` Vite proxies the gateway so requests stay same-origin there too.
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';

export default defineConfig({
  root: __dirname,
  base: '/console/',
  plugins: [react()],
  build: {
    outDir: join(__dirname, '..', 'dist', 'console'),
    emptyOutDir: true,
    // React, Apollo Client and graphql-js in one chunk: about 145 kB gzipped, said once here.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/graphql': { target: gateway, ws: true },
      '/auth': gateway,
      '/console/config.json': gateway,
    },
  },
});
