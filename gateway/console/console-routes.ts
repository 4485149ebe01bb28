import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import type { GatewayConfig } from '../config';

// The support console (console/, built by Vite into dist/console) served from the gateway's own
// origin under /console: its GraphQL requests are same-origin, so no CORS, and Apollo's CSRF
// prevention stays on (the console sends JSON with a content type, and websockets authenticate
// by token, not cookie).

export const CONSOLE_PATH = '/console';

/** What the console learns at start: how people sign in. Never a secret. */
export interface ConsoleSettings {
  graphqlPath: string;
  signIn:
    | { kind: 'development' }
    | { kind: 'oidc'; issuer: string; clientId: string; scope: string }
    | { kind: 'none' };
}

export function consoleSettings(config: GatewayConfig): ConsoleSettings {
  const { oidc } = config.console;
  if (oidc) return { graphqlPath: '/graphql', signIn: { kind: 'oidc', ...oidc } };
  return {
    graphqlPath: '/graphql',
    signIn: config.devSignIn ? { kind: 'development' } : { kind: 'none' },
  };
}

export function registerConsole(app: Express, config: GatewayConfig): void {
  const { dir } = config.console;
  const index = join(dir, 'index.html');
  const settings = consoleSettings(config);
  const router = express.Router();
  router.get('/config.json', (_req, res) => {
    res.set('cache-control', 'no-store').json(settings);
  });
  // Hashed asset names never change content: cache them for good; index.html always revalidates.
  router.use(
    '/assets',
    express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
  router.use(express.static(dir, { index: false }));
  // Every other path is a page of the single-page app (deep links, reloads).
  router.get('/{*page}', (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The console is not built: run npm run build.');
      return;
    }
    res.set('cache-control', 'no-cache').sendFile(index);
  });
  app.use(CONSOLE_PATH, router);
}
