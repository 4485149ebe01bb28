import type { MikroORM } from '@mikro-orm/core';
import type { SubgraphConfig } from '../../lib/config/subgraph-config';
import { createServiceClient } from '../../lib/federation/service-client';
import { type SubgraphServer, startSubgraphServer } from '../../lib/http/subgraph-server';
import type { Logger } from '../../lib/logging/logger';
import { createViewerTokenCodec } from '../../lib/viewer/viewer-token';
import { ensureServiceCatalog } from './commands/service-catalog';
import type { CasesContext } from './context';
import { createCasesLoaders } from './loaders';
import { buildCasesSchema } from './schema';

export interface SubgraphDeps {
  orm: MikroORM;
  config: SubgraphConfig;
  log: Logger;
}

export async function createCasesServer({
  orm,
  config,
  log,
}: SubgraphDeps): Promise<SubgraphServer> {
  const codec = createViewerTokenCodec(config.internalSecret);
  const { schema } = await buildCasesSchema();
  await ensureServiceCatalog(orm.em.fork());
  const peers = {
    accounts: createServiceClient(config.peers.accounts, codec),
    billing: createServiceClient(config.peers.billing, codec),
  };
  return startSubgraphServer<CasesContext>(
    {
      name: 'cases',
      schema,
      orm,
      codec,
      log,
      createContext: (base) => ({ ...base, loaders: createCasesLoaders(base.em, peers) }),
    },
    config.port,
    config.host,
  );
}
