import { createServer } from 'node:http';
import { type Listening, listen } from '../lib/http/listen';
import { serveMetrics } from '../lib/http/metrics-server';
import type { Logger } from '../lib/logging/logger';
import { createApolloServer } from './apollo-server';
import type { GatewayConfig } from './config';
import { createGatewayParts } from './gateway-parts';
import { createLiveEndpoints } from './live/live-endpoints';
import { gatewayApp } from './routes';

/** The gateway, listening: GraphQL on `url`, Prometheus metrics on `metricsUrl` (internal). */
export interface RunningGateway extends Listening {
  metricsUrl: string;
}

/**
 * Starts the gateway: GraphQL on /graphql, liveness on /health and readiness on /ready on the
 * public port; /metrics on its own port.
 */
export async function startGateway(config: GatewayConfig, log: Logger): Promise<RunningGateway> {
  const parts = await createGatewayParts(config, log);
  const { metrics, rateLimits, viewerChanges } = parts;
  const apollo = createApolloServer(config, parts);
  await apollo.start();
  const live = createLiveEndpoints({
    supergraphSdl: parts.supergraphSdl,
    subgraphUrls: parts.urls,
    dataSource: parts.dataSource,
    verify: parts.verify,
    directory: parts.directory,
    log,
    metrics: metrics.live,
    limits: parts.limits,
    formatError: parts.formatError,
    upstreamConnections: config.live.upstreamConnections,
    clientBuffer: config.live.clientBuffer,
  });
  const httpServer = createServer(gatewayApp(config, parts, apollo, live.sse, log));
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
