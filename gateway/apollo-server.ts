import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { requestLogPlugin } from '../lib/logging/request-log-plugin';
import { viewerRefreshPlugin } from './auth/viewer-refresh.plugin';
import type { GatewayConfig } from './config';
import type { GatewayContext } from './context';
import type { GatewayParts } from './gateway-parts';

/** Apollo Server over the supergraph: queries and mutations, with the gateway's limits. */
export function createApolloServer(config: GatewayConfig, parts: GatewayParts) {
  const { limits, metrics, rateLimits, trusted, dataSource, planResolved } = parts;
  return new ApolloServer<GatewayContext>({
    gateway: new ApolloGateway({
      supergraphSdl: parts.supergraphSdl,
      buildService: ({ name }) => dataSource(name),
      experimental_didResolveQueryPlan: planResolved,
    }),
    formatError: parts.formatError,
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
      viewerRefreshPlugin(parts.directory),
    ],
  });
}
