import type { MikroORM } from '@mikro-orm/core';
import type { SubgraphConfig } from '../../lib/config/subgraph-config';
import { type SubgraphServer, startSubgraphServer } from '../../lib/http/subgraph-server';
import type { Logger } from '../../lib/logging/logger';
import { createViewerTokenCodec } from '../../lib/viewer/viewer-token';
import type { BillingContext } from './context';
import { createBillingLoaders } from './loaders';
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
  return startSubgraphServer<BillingContext>(
    {
      name: 'billing',
      schema,
      orm,
      codec,
      log,
      createContext: (base) => ({ ...base, loaders: createBillingLoaders(base.em) }),
    },
    config.port,
    config.host,
  );
}
