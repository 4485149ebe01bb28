import type { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express, { type RequestHandler } from 'express';
import { graphqlRequestBody } from '../lib/http/graphql-request-body';
import { httpErrorHandler, routeNotFound, serveGet } from '../lib/http/http-errors';
import type { Logger } from '../lib/logging/logger';
import { devSignInRoutes } from './auth/dev-sign-in.routes';
import type { GatewayConfig } from './config';
import { registerConsole } from './console/console-routes';
import { type GatewayContext, gatewayContext } from './context';
import { explorerRoutes } from './explorer/explorer.routes';
import type { GatewayParts } from './gateway-parts';
import { checkSubgraphs } from './readiness';
import { assignRequestId } from './request-id';

/**
 * The gateway's public routes: /health, /ready, the console, dev sign-in, the explorer, and
 * /graphql (event streams to `sse`, everything else through the rate limit and trusted documents
 * to Apollo).
 */
export function gatewayApp(
  config: GatewayConfig,
  parts: GatewayParts,
  apollo: ApolloServer<GatewayContext>,
  sse: RequestHandler,
  log: Logger,
) {
  const { rateLimits, trusted, urls } = parts;
  const app = express();
  app.disable('x-powered-by');
  // Decides req.ip, hence whose budget the per-IP rate limit charges.
  app.set('trust proxy', config.trustProxy);
  serveGet(app, '/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  registerConsole(app, config);
  serveGet(app, '/ready', async (_req, res) => {
    const subgraphs = await checkSubgraphs(urls);
    const ready = Object.values(subgraphs).every(Boolean);
    res.status(ready ? 200 : 503).json({ ready, subgraphs });
  });
  if (config.devSignIn) app.use('/auth/dev', devSignInRoutes(config));
  app.use(explorerRoutes(config.explorer));
  app.use(
    '/graphql',
    ...graphqlRequestBody('100kb'),
    // Subscriptions (graphql-ws upgrades, event-stream POSTs): see gateway/live/.
    sse,
    assignRequestId,
    rateLimits.ipMiddleware,
    ...(trusted ? [trusted.middleware] : []),
    expressMiddleware(apollo, { context: gatewayContext(parts.verify, parts.directory, log) }),
  );
  app.use(routeNotFound, httpErrorHandler(log));
  return app;
}
