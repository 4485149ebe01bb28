import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { DomainError } from '../lib/errors/domain-errors';
import { createErrorFormatter, toGraphQLError } from '../lib/errors/graphql-errors';
import { graphqlRequestBody } from '../lib/http/graphql-request-body';
import { httpErrorHandler, routeNotFound, serveGet } from '../lib/http/http-errors';
import { type Listening, listen } from '../lib/http/listen';
import { serveMetrics } from '../lib/http/metrics-server';
import { type Logger, REQUEST_ID_HEADER } from '../lib/logging/logger';
import { requestLogPlugin } from '../lib/logging/request-log-plugin';
import { createViewerTokenCodec } from '../lib/viewer/viewer-token';
import { authenticate } from './auth/authenticate';
import { authenticationFailure } from './auth/authentication-failure';
import { devSignInRoutes } from './auth/dev-sign-in.routes';
import { createTokenVerifier } from './auth/token-verifier';
import { cacheVerifiedTokens } from './auth/verified-token-cache';
import { listenForViewerChanges } from './auth/viewer-change-listener';
import { relayViewerChanges } from './auth/viewer-change-relay';
import { createViewerDirectory, type ViewerDirectory } from './auth/viewer-directory';
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
import { type SubgraphUrls, subgraphUrlsOf } from './subgraph-urls';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

function requestIdOf(header: string | undefined): string {
  return header && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
}

/**
 * One way to reach a subgraph, for queries and for the per-event fetches of subscriptions alike:
 * its URL, the timeout and the fetch metrics. Accounts' answers may name viewers its mutation
 * changed: the directory forgets them.
 */
export function subgraphDataSources(
  config: GatewayConfig,
  urls: SubgraphUrls,
  metrics: ReturnType<typeof createMetrics>,
  directory?: Pick<ViewerDirectory, 'forget'>,
): (name: string) => SubgraphDataSource {
  const subgraphFetch = createSubgraphFetch(config.subgraphTimeoutMs);
  const share = config.subgraphFetchSharing ? deduplicateQueries : <T>(fetcher: T) => fetcher;
  return (name) =>
    new SubgraphDataSource(name, {
      url: urls[name],
      fetcher: share(metrics.instrumentFetch(name, subgraphFetch)) as never,
      ...(name === 'accounts' && directory
        ? { didReceiveResponse: relayViewerChanges(directory) }
        : {}),
    });
}

/** The gateway, listening: GraphQL on `url`, Prometheus metrics on `metricsUrl` (internal). */
export interface RunningGateway extends Listening {
  metricsUrl: string;
}

/**
 * Answers viewer lookups when the supergraph has no accounts subgraph (a federation audit's, say):
 * anonymous requests run, a bearer token answers SERVICE_UNAVAILABLE. `.invalid` never resolves.
 */
const NO_ACCOUNTS_URL = 'http://accounts.invalid/graphql';

/**
 * Starts the gateway: GraphQL on /graphql, liveness on /health and readiness on /ready on the
 * public port; /metrics on its own port.
 */
export async function startGateway(config: GatewayConfig, log: Logger): Promise<RunningGateway> {
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  const urls = subgraphUrlsOf(supergraphSdl, config.subgraphUrlOverrides);
  if (!urls.accounts)
    log.warn('the supergraph has no accounts subgraph: tokens cannot be resolved');
  const codec = createViewerTokenCodec(config.internalSecret);
  const verify = cacheVerifiedTokens(await createTokenVerifier(config.jwt));
  const directory = createViewerDirectory({
    accountsUrl: urls.accounts ?? NO_ACCOUNTS_URL,
    codec,
    ttlMs: config.viewerCacheTtlMs,
  });
  const limits = createOperationLimits(config.operationLimits);
  const rateLimits = createRateLimits(config.rateLimits);
  const metrics = createMetrics();
  // One keep-alive pool and one in-flight sharing map for queries and live events alike.
  const dataSource = subgraphDataSources(config, urls, metrics, directory);
  const { redisUrl, keyPrefix } = config.viewerChanges;
  const viewerChanges = redisUrl
    ? listenForViewerChanges(redisUrl, keyPrefix, directory, log)
    : null;
  const trusted = config.trustedDocumentsPath
    ? trustedDocuments(config.trustedDocumentsPath)
    : null;
  const formatError = createErrorFormatter(log, { isTooComplex: limits.isRejection });
  const apollo = new ApolloServer<GatewayContext>({
    gateway: new ApolloGateway({ supergraphSdl, buildService: ({ name }) => dataSource(name) }),
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
  // Subscriptions (graphql-ws upgrades, event-stream POSTs): see gateway/live/.
  const live = createLiveEndpoints({
    supergraphSdl,
    subgraphUrls: urls,
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
  app.use(
    '/graphql',
    ...graphqlRequestBody('100kb'),
    live.sse,
    (req, res, next) => {
      const requestId = requestIdOf(req.header(REQUEST_ID_HEADER));
      res.locals.requestId = requestId;
      res.setHeader(REQUEST_ID_HEADER, requestId);
      next();
    },
    rateLimits.ipMiddleware,
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
          throw toGraphQLError(authenticationFailure(error));
        }
      },
    }),
  );
  app.use(routeNotFound, httpErrorHandler(log));

  const httpServer = createServer(app);
  const closeLive = live.attach(httpServer);
  await Promise.all([rateLimits.ready(), viewerChanges?.ready()]);
  const listening = await listen(httpServer, config.port, config.host);
  const metricsServer = await serveMetrics(metrics.handler, config.metrics, log);
  log.info(
    { url: `${listening.url}/graphql`, metrics: metricsServer.metricsUrl },
    'gateway listening',
  );
  return {
    ...listening,
    metricsUrl: metricsServer.metricsUrl,
    close: async () => {
      // Refuse new connections first; draining waits for the websockets, closed meanwhile (1001).
      const draining = listening.close();
      await closeLive();
      await draining;
      await metricsServer.close();
      await apollo.stop();
      await rateLimits.close();
      await viewerChanges?.close();
    },
  };
}
