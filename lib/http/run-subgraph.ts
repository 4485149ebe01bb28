import type { EntityManager } from '@mikro-orm/core';
import type { SubgraphConfig } from '../config/subgraph-config';
import { createLogger } from '../logging/logger';
import { createOrm, type OrmOptions } from '../orm/create-orm';
import { flushTracing } from '../telemetry/register';
import type { SubgraphDeps, SubgraphServer } from './subgraph-server';

export interface SubgraphParts {
  ormOptions: OrmOptions;
  seed: (em: EntityManager) => Promise<boolean>;
  start: (deps: SubgraphDeps) => Promise<SubgraphServer>;
}

/** Process entry for a subgraph: migrate, seed the demo tenants once, serve, stop on SIGTERM. */
export async function runSubgraph(config: SubgraphConfig, parts: SubgraphParts): Promise<void> {
  const log = createLogger(config.name, config.logLevel);
  try {
    const { orm } = await createOrm(parts.ormOptions);
    if (config.seedDemoData && (await parts.seed(orm.em.fork()))) log.info('seeded demo tenants');
    const server = await parts.start({ orm, config, log });
    const stop = async (signal: string) => {
      log.info({ signal }, 'shutting down');
      await server.close();
      await orm.close();
      await flushTracing();
      process.exit(0);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  } catch (error) {
    log.fatal({ err: error }, 'failed to start');
    process.exit(1);
  }
}
