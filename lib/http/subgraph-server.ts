import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
} from '@apollo/server/plugin/disabled';
import type { EntityManager, MikroORM } from '@mikro-orm/core';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import type { Registry } from 'prom-client';
import type { SubgraphConfig } from '../config/subgraph-config';
import { createErrorFormatter } from '../errors/graphql-errors';
import { type Logger, REQUEST_ID_HEADER } from '../logging/logger';
import { requestLogPlugin } from '../logging/request-log-plugin';
import { markReadOnly } from '../orm/read-only';
import type { Viewer } from '../viewer/viewer';
import type { ViewerTokenCodec } from '../viewer/viewer-token';
import { httpErrorHandler, routeNotFound, serveGet } from './http-errors';
import { type Listening, listen } from './listen';
import { serveMetrics } from './metrics-server';
import { sqlMetricsHandler } from './sql-metrics';
import { subgraphGraphqlRoute } from './subgraph-graphql-route';
import { subgraphQueryPath } from './subgraph-query-path';
import { serveSubgraphWebSocket } from './subgraph-websocket';

// Everything the three subgraph servers share: the viewer-context gate, health, logging, errors.

export interface BaseContext {
  em: EntityManager;
  viewer: Viewer;
  requestId: string;
  log: Logger;
  now: Date;
}

/** What each subgraph's `createXServer` is started with (by main.ts and the tests). */
export interface SubgraphDeps {
  orm: MikroORM;
  config: SubgraphConfig;
  log: Logger;
}

export interface SubgraphServerOptions<C extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  codec: ViewerTokenCodec;
  log: Logger;
  createContext: (base: BaseContext) => C;
  /** Extra Express routes (accounts serves the gateway's viewer lookup); /graphql is not one. */
  routes?: (app: express.Express) => void;
  /** Serve subscriptions over graphql-ws on /graphql (cases: live updates). */
  websocket?: boolean;
  /** Extra Apollo plugins (accounts announces viewer changes in its answers). */
  plugins?: ApolloServerPlugin<C>[];
  /** Served on /metrics after the SQL count (the subgraph's jobs). */
  metrics?: Registry;
}

export interface SubgraphServer extends Listening {
  name: string;
  /** Prometheus metrics, on the internal port. */
  metricsUrl: string;
}

const isGraphqlPath = (url = '') => url === '/graphql' || url.startsWith('/graphql?');

export async function startSubgraphServer<C extends BaseContext>(
  options: SubgraphServerOptions<C>,
  at: Pick<SubgraphConfig, 'port' | 'host' | 'metrics'>,
): Promise<SubgraphServer> {
  const { orm, log } = options;
  const formatError = createErrorFormatter(log);
  const apollo = new ApolloServer<C>({
    schema: options.schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // No field carries a cache hint (default max age 0), so answers never had a Cache-Control
      // header: the default plugin only wrapped every resolver to compute an uncacheable policy.
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin<C>(),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  serveGet(app, '/health', async (_req, res) => {
    const healthy = await orm.isConnected();
    res.status(healthy ? 200 : 503).json({ status: healthy ? 'ok' : 'database unavailable' });
  });
  options.routes?.(app);
  app.use(routeNotFound, httpErrorHandler(log));

  const context = (viewer: Viewer, requestId: string, readOnly = false) =>
    options.createContext({
      em: readOnly ? markReadOnly(orm.em.fork()) : orm.em.fork(),
      viewer,
      requestId,
      log: log.child({ requestId }),
      now: new Date(),
    });
  const graphql = subgraphGraphqlRoute<C>({
    apollo,
    queryPath: subgraphQueryPath<C>(options.schema, formatError),
    codec: options.codec,
    log,
    bodyLimitBytes: 1024 * 1024,
    createContext: (req, viewer, readOnly) => {
      const requestId = req.headers[REQUEST_ID_HEADER];
      return context(viewer, typeof requestId === 'string' ? requestId : randomUUID(), readOnly);
    },
  });

  // /graphql, paid by every subgraph fetch, skips Express; the rare routes keep it.
  const httpServer = createServer((req, res) => {
    if (isGraphqlPath(req.url)) void graphql(req, res);
    else app(req, res);
  });
  const closeWebSocket = options.websocket
    ? serveSubgraphWebSocket<C>({
        server: httpServer,
        schema: options.schema,
        codec: options.codec,
        log,
        formatError,
        createContext: context,
      })
    : async () => {};
  const listening = await listen(httpServer, at.port, at.host);
  const metrics = await serveMetrics(
    sqlMetricsHandler(options.name, orm, options.metrics),
    at.metrics,
    log,
  );
  log.info({ url: `${listening.url}/graphql`, metrics: metrics.metricsUrl }, 'subgraph listening');
  return {
    ...listening,
    name: options.name,
    metricsUrl: metrics.metricsUrl,
    close: async () => {
      // Refuse new connections first; draining waits for the websockets, closed meanwhile (1001).
      const draining = listening.close();
      await closeWebSocket();
      await draining;
      await metrics.close();
      await apollo.stop();
    },
  };
}
