import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import { DomainError } from '../lib/errors/domain-errors';
import { createErrorFormatter } from '../lib/errors/graphql-errors';
import { type Listening, listen } from '../lib/http/listen';
import { type Logger, REQUEST_ID_HEADER } from '../lib/logging/logger';
import { requestLogPlugin } from '../lib/logging/request-log-plugin';
import { createViewerTokenCodec } from '../lib/viewer/viewer-token';
import { authenticate } from './auth/authenticate';
import { devSignInRoutes } from './auth/dev-sign-in.routes';
import { createTokenVerifier } from './auth/token-verifier';
import { cacheVerifiedTokens } from './auth/verified-token-cache';
import { createViewerDirectory } from './auth/viewer-directory';
import { viewerRefreshPlugin } from './auth/viewer-refresh.plugin';
import type { GatewayConfig } from './config';
import { registerConsole } from './console/console-routes';
import type { GatewayContext } from './context';
import { explorerRoutes } from './explorer/explorer.routes';
import { createLiveEndpoints } from './live/live-endpoints';
import { createMetrics } from './observability/metrics';
import { checkSubgraphs } from './readiness';
import { createOperationLimits } from './security/operation-limits';
import { createRateLimits } from './security/rate-limits';
import { trustedDocuments } from './security/trusted-documents';
import { SubgraphDataSource } from './subgraph-data-source';
import { createSubgraphFetch } from './subgraph-fetch';
import { deduplicateQueries } from './subgraph-fetch-dedup';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function requestIdOf(header: string | undefined): string {
  return header && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

function contextError(error: unknown): GraphQLError {
  if (error instanceof DomainError) {
    const status = error.code === 'UNAUTHENTICATED' ? 401 : 400;
    return new GraphQLError(error.message, { extensions: { code: error.code, http: { status } } });
  }
  // Accounts (or its database) is unreachable: nothing ran, a retry will do.
  return new GraphQLError('Could not establish who is asking right now; try again shortly.', {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
    originalError: error as Error,
  });
}

/**
 * One way to reach a subgraph, for queries and for the per-event fetches of subscriptions alike:
 * the configured URL, the timeout and the fetch metrics.
 */
export function subgraphDataSources(
  config: GatewayConfig,
  metrics: ReturnType<typeof createMetrics>,
): (name: string, url?: string) => SubgraphDataSource {
  const subgraphFetch = createSubgraphFetch(config.subgraphTimeoutMs);
  const share = config.subgraphFetchSharing ? deduplicateQueries : <T>(fetcher: T) => fetcher;
  return (name, url) =>
    new SubgraphDataSource(name, {
      url: config.subgraphUrls[name as keyof GatewayConfig['subgraphUrls']] ?? url,
      fetcher: share(metrics.instrumentFetch(name, subgraphFetch)) as never,
    });
}

export function createGateway(
  config: GatewayConfig,
  dataSource: (name: string, url?: string) => SubgraphDataSource,
): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    buildService: ({ name, url }) => dataSource(name, url),
  });
}

/** Starts the gateway: GraphQL on /graphql, liveness on /health, readiness on /ready. */
export async function startGateway(config: GatewayConfig, log: Logger): Promise<Listening> {
  const codec = createViewerTokenCodec(config.internalSecret);
  const verify = cacheVerifiedTokens(await createTokenVerifier(config.jwt));
  const directory = createViewerDirectory({
    accountsUrl: config.subgraphUrls.accounts,
    codec,
    ttlMs: config.viewerCacheTtlMs,
  });
  const limits = createOperationLimits(config.operationLimits);
  const rateLimits = createRateLimits(config.rateLimits);
  const metrics = createMetrics();
  // One keep-alive pool and one in-flight sharing map for queries and live events alike.
  const dataSource = subgraphDataSources(config, metrics);
  const trusted = config.trustedDocumentsPath
    ? trustedDocuments(config.trustedDocumentsPath)
    : null;
  const formatError = createErrorFormatter(log, { isTooComplex: limits.isRejection });
  const apollo = new ApolloServer<GatewayContext>({
    gateway: createGateway(config, dataSource),
    formatError,
    includeStacktraceInErrorResponses: false,
    // Apollo's defaults, stated: batching lets one request carry many PIN guesses.
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    // main.ts owns SIGTERM: it drains HTTP first, then stops Apollo.
    stopOnTerminationSignals: false,
    persistedQueries: trusted ? { cache: trusted.cache } : {},
    introspection: config.introspection,
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    plugins: [
      // Apollo's landing page loads Apollo Sandbox from a CDN; the explorer replaces it.
      ApolloServerPluginLandingPageDisabled(),
      metrics.plugin,
      ...limits.plugins,
      rateLimits.plugin,
      requestLogPlugin<GatewayContext>(),
      viewerRefreshPlugin(directory),
    ],
  });
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  // Decides req.ip, hence whose budget the per-IP rate limit charges.
  app.set('trust proxy', config.trustProxy);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/metrics', metrics.handler);
  registerConsole(app, config);
  app.get('/ready', async (_req, res) => {
    const subgraphs = await checkSubgraphs(config.subgraphUrls);
    const ready = Object.values(subgraphs).every(Boolean);
    res.status(ready ? 200 : 503).json({ ready, subgraphs });
  });
  if (config.devSignIn) app.use('/auth/dev', devSignInRoutes(config));
  app.use(explorerRoutes(config.explorer));
  // Subscriptions (graphql-ws upgrades, event-stream POSTs): see gateway/live/.
  const live = createLiveEndpoints({
    supergraphSdl: readFileSync(config.supergraphPath, 'utf8'),
    subgraphUrls: config.subgraphUrls,
    dataSource,
    verify,
    directory,
    log,
    metrics: metrics.live,
    limits,
    formatError,
    upstreamConnections: config.live.upstreamConnections,
    clientBuffer: config.live.clientBuffer,
  });
  app.use('/graphql', live.sse);
  app.use(
    '/graphql',
    (req, res, next) => {
      const requestId = requestIdOf(req.header(REQUEST_ID_HEADER));
      res.locals.requestId = requestId;
      res.setHeader(REQUEST_ID_HEADER, requestId);
      next();
    },
    rateLimits.ipMiddleware,
    express.json({ limit: '100kb' }),
    ...(trusted ? [trusted.middleware] : []),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const requestId = res.locals.requestId as string;
        try {
          const { viewer, token } = await authenticate(
            req.header('authorization'),
            verify,
            directory,
          );
          return { viewer, viewerToken: token, requestId, log: log.child({ requestId }) };
        } catch (error) {
          if (!(error instanceof DomainError))
            log.error({ err: error, requestId }, 'authentication failed');
          throw contextError(error);
        }
      },
    }),
  );

  const httpServer = createServer(app);
  const closeLive = live.attach(httpServer);
  await rateLimits.ready();
  const listening = await listen(httpServer, config.port, config.host);
  log.info({ url: `${listening.url}/graphql` }, 'gateway listening');
  return {
    ...listening,
    close: async () => {
      // Refuse new connections first; draining waits for the websockets, closed meanwhile (1001).
      const draining = listening.close();
      await closeLive();
      await draining;
      await apollo.stop();
      await rateLimits.close();
    },
  };
}
