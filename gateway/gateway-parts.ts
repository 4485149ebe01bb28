import { readFileSync } from 'node:fs';
import { createErrorFormatter } from '../lib/errors/graphql-errors';
import type { Logger } from '../lib/logging/logger';
import { createViewerTokenCodec } from '../lib/viewer/viewer-token';
import { createTokenVerifier } from './auth/token-verifier';
import { cacheVerifiedTokens } from './auth/verified-token-cache';
import { listenForViewerChanges } from './auth/viewer-change-listener';
import { createViewerDirectory, VIEWER_FACTS_SUBGRAPH } from './auth/viewer-directory';
import type { GatewayConfig } from './config';
import { createMetrics } from './observability/metrics';
import { useFasterResultShaping } from './result-shaping';
import { createOperationLimits } from './security/operation-limits';
import { createRateLimits } from './security/rate-limits';
import { trustedDocuments } from './security/trusted-documents';
import { subgraphDataSources } from './subgraph-data-sources';
import { subgraphUrlsOf } from './subgraph-urls';

/**
 * Answers viewer lookups when the supergraph has no accounts subgraph (a federation audit's, say):
 * anonymous requests run, a bearer token answers SERVICE_UNAVAILABLE. `.invalid` never resolves.
 */
const NO_ACCOUNTS_URL = 'http://accounts.invalid/graphql';

export type GatewayParts = Awaited<ReturnType<typeof createGatewayParts>>;

/** What queries and subscriptions share: the supergraph, sign-in, limits, metrics, data sources. */
export async function createGatewayParts(config: GatewayConfig, log: Logger) {
  useFasterResultShaping();
  const supergraphSdl = readFileSync(config.supergraphPath, 'utf8');
  const urls = subgraphUrlsOf(supergraphSdl, config.subgraphUrlOverrides);
  const accountsUrl = urls[VIEWER_FACTS_SUBGRAPH];
  if (!accountsUrl) log.warn('the supergraph has no accounts subgraph: tokens cannot be resolved');
  const verify = cacheVerifiedTokens(await createTokenVerifier(config.jwt));
  const directory = createViewerDirectory({
    accountsUrl: accountsUrl ?? NO_ACCOUNTS_URL,
    codec: createViewerTokenCodec(config.internalSecret),
    ttlMs: config.viewerCacheTtlMs,
  });
  const limits = createOperationLimits(config.operationLimits);
  const metrics = createMetrics();
  const { redisUrl, keyPrefix } = config.viewerChanges;
  return {
    supergraphSdl,
    urls,
    verify,
    directory,
    limits,
    rateLimits: createRateLimits(config.rateLimits),
    metrics,
    // One keep-alive pool and one in-flight sharing map for queries and live events alike.
    ...subgraphDataSources(config, urls, metrics, directory),
    viewerChanges: redisUrl ? listenForViewerChanges(redisUrl, keyPrefix, directory, log) : null,
    trusted: config.trustedDocumentsPath ? trustedDocuments(config.trustedDocumentsPath) : null,
    formatError: createErrorFormatter(log, { isTooComplex: limits.isRejection }),
  };
}
