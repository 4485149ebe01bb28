import type { MikroORM } from '@mikro-orm/core';
import type { SubgraphConfig } from '../../lib/config/subgraph-config';
import { createServiceClient } from '../../lib/federation/service-client';
import { type SubgraphServer, startSubgraphServer } from '../../lib/http/subgraph-server';
import type { Logger } from '../../lib/logging/logger';
import { createViewerTokenCodec } from '../../lib/viewer/viewer-token';
import { startBillingCycle } from './commands/run-billing-cycle.command';
import type { BillingContext } from './context';
import { createBillingLoaders } from './loaders';
import { accountsDirectory } from './peers/organization-directory';
import { buildBillingSchema } from './schema';

export interface SubgraphDeps {
  orm: MikroORM;
  config: SubgraphConfig;
  log: Logger;
}

export async function createBillingServer({
  orm,
  config,
  log,
}: SubgraphDeps): Promise<SubgraphServer> {
  const codec = createViewerTokenCodec(config.internalSecret);
  const { schema } = await buildBillingSchema();
  const organizations = accountsDirectory(createServiceClient(config.peers.accounts, codec));
  const server = await startSubgraphServer<BillingContext>(
    {
      name: 'billing',
      schema,
      orm,
      codec,
      log,
      createContext: (base) => ({
        ...base,
        loaders: createBillingLoaders(base.em),
        organizations,
      }),
    },
    config.port,
    config.host,
  );
  const cycle = startBillingCycle(orm, log);
  return {
    ...server,
    close: async () => {
      await cycle.stop();
      await server.close();
    },
  };
}
