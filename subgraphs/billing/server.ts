import { Registry } from 'prom-client';
import { createServiceClient } from '../../lib/federation/service-client';
import {
  type SubgraphDeps,
  type SubgraphServer,
  startSubgraphServer,
} from '../../lib/http/subgraph-server';
import { createJobMetrics } from '../../lib/jobs/interval-job';
import { createViewerTokenCodec } from '../../lib/viewer/viewer-token';
import type { BillingContext } from './context';
import { startBillingCycle } from './jobs/billing-cycle.job';
import { createBillingLoaders } from './loaders';
import { accountsDirectory } from './peers/organization-directory';
import { buildBillingSchema } from './schema';

export async function createBillingServer({
  orm,
  config,
  log,
}: SubgraphDeps): Promise<SubgraphServer> {
  const codec = createViewerTokenCodec(config.internalSecret);
  const { schema } = await buildBillingSchema();
  const accounts = createServiceClient(config.peers.accounts, codec);
  const metrics = new Registry();
  const server = await startSubgraphServer<BillingContext>(
    {
      name: 'billing',
      metrics,
      schema,
      orm,
      codec,
      log,
      createContext: (base) => ({
        ...base,
        loaders: createBillingLoaders(base.em),
        organizations: accountsDirectory(accounts),
      }),
    },
    config,
  );
  const cycle = startBillingCycle(orm, log, createJobMetrics(metrics));
  return {
    ...server,
    close: async () => {
      await cycle.stop();
      await server.close();
    },
  };
}
