import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import express, { type Request, type Response } from 'express';
import type { GraphQLSchema } from 'graphql';
import { createErrorFormatter } from '../errors/graphql-errors';
import { type Logger, REQUEST_ID_HEADER } from '../logging/logger';
import { requestLogPlugin } from '../logging/request-log-plugin';
import type { Viewer } from '../viewer/viewer';
import { VIEWER_HEADER, type ViewerTokenCodec } from '../viewer/viewer-token';
import { type Listening, listen } from './listen';
import { sqlMetricsHandler } from './sql-metrics';
import { serveSubgraphWebSocket } from './subgraph-websocket';

// Everything the three subgraph servers share: the viewer-context gate, health, logging, errors.

export interface BaseContext {
  em: EntityManager;
  viewer: Viewer;
  requestId: string;
  log: Logger;
  now: Date;
}

export interface SubgraphServerOptions<C extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  codec: ViewerTokenCodec;
  log: Logger;
  createContext: (base: BaseContext) => C;
  /** Extra routes mounted before /graphql (accounts serves the gateway's viewer lookup). */
  routes?: (app: express.Express) => void;
  /** Serve subscriptions over graphql-ws on /graphql (cases: live updates). */
  websocket?: boolean;
}

export interface SubgraphServer extends Listening {
  name: string;
}

function refuse(res: Response, message: string): void {
  res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

/** Verifies the gateway-signed viewer context; requests without one never reach the schema. */
export function viewerGate(codec: ViewerTokenCodec) {
  return async (req: Request, res: Response, next: () => void) => {
    const token = req.header(VIEWER_HEADER);
    if (!token) return refuse(res, 'This subgraph only answers requests relayed by the gateway.');
    try {
      res.locals.viewer = await codec.verify(token);
      next();
    } catch {
      refuse(res, 'The viewer context is invalid or expired.');
    }
  };
}

export async function startSubgraphServer<C extends BaseContext>(
  options: SubgraphServerOptions<C>,
  port: number,
  host: string,
): Promise<SubgraphServer> {
  const { orm, log } = options;
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    formatError: createErrorFormatter(log),
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // No field carries a cache hint (default max age 0), so answers never had a Cache-Control
      // header: the default plugin only wrapped every resolver to compute an uncacheable policy.
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin<C>(),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    const healthy = await orm.isConnected();
    res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'database unavailable' });
  });
  app.get('/metrics', sqlMetricsHandler(options.name, orm));
  options.routes?.(app);
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    viewerGate(options.codec),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = req.header(REQUEST_ID_HEADER) ?? randomUUID();
        return options.createContext({
          em: orm.em.fork(),
          viewer: res.locals.viewer as Viewer,
          requestId,
          log: log.child({ requestId }),
          now: new Date(),
        });
      },
    }),
  );

  const httpServer = createServer(app);
  const closeWebSocket = options.websocket
    ? serveSubgraphWebSocket<C>({
        server: httpServer,
        schema: options.schema,
        codec: options.codec,
        log,
        createContext: (viewer, requestId) =>
          options.createContext({
            em: orm.em.fork(),
            viewer,
            requestId,
            log: log.child({ requestId }),
            now: new Date(),
          }),
      })
    : async () => {};
  const listening = await listen(httpServer, port, host);
  log.info({ url: `${listening.url}/graphql` }, 'subgraph listening');
  return {
    ...listening,
    name: options.name,
    close: async () => {
      // Refuse new connections first; draining waits for the websockets, closed meanwhile (1001).
      const draining = listening.close();
      await closeWebSocket();
      await draining;
      await apollo.stop();
    },
  };
}
