import { relayViewerChanges } from './auth/viewer-change-relay';
import { VIEWER_FACTS_SUBGRAPH, type ViewerDirectory } from './auth/viewer-directory';
import type { GatewayConfig } from './config';
import { entityFetchBatcher } from './entity-fetch-batch';
import { fetchRendezvous } from './fetch-rendezvous';
import type { createMetrics } from './observability/metrics';
import { SubgraphDataSource } from './subgraph-data-source';
import { createSubgraphFetch } from './subgraph-fetch';
import { deduplicateQueries } from './subgraph-fetch-dedup';
import type { SubgraphUrls } from './subgraph-urls';

/**
 * One way to reach a subgraph, for queries and for the per-event fetches of subscriptions alike:
 * its URL, the timeout and the fetch metrics. Accounts' answers may name viewers its mutation
 * changed: the directory forgets them. `planResolved` is ApolloGateway's hook: with batching,
 * fetches that end sibling branches of a query plan wait for each other.
 */
export function subgraphDataSources(
  config: GatewayConfig,
  urls: SubgraphUrls,
  metrics: ReturnType<typeof createMetrics>,
  directory?: Pick<ViewerDirectory, 'forget'>,
) {
  const subgraphFetch = createSubgraphFetch(config.subgraphTimeoutMs);
  const share = config.subgraphFetchSharing ? deduplicateQueries : <T>(fetcher: T) => fetcher;
  const rendezvous = config.subgraphFetchBatching ? fetchRendezvous() : null;
  const dataSource = (name: string) =>
    new SubgraphDataSource(
      name,
      share(metrics.instrumentFetch(name, subgraphFetch)),
      config.subgraphFetchBatching ? entityFetchBatcher() : null,
      rendezvous,
      {
        url: urls[name],
        ...(name === VIEWER_FACTS_SUBGRAPH && directory
          ? { didReceiveResponse: relayViewerChanges(directory) }
          : {}),
      },
    );
  return { dataSource, planResolved: rendezvous?.planResolved };
}
