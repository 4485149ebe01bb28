import { join } from 'node:path';
import type { SubgraphConfig } from '../../lib/config/subgraph-config';
import type { OrmOptions } from '../../lib/orm/create-orm';
import { Plan } from './entities/plan.entity';
import { PlanSubscription } from './entities/plan-subscription.entity';
import { billingMigrations } from './migrations';

export const BILLING_ENTITIES = [Plan, PlanSubscription];

export function billingOrmOptions(
  config: Pick<SubgraphConfig, 'databaseUrl' | 'databaseSchema'>,
): OrmOptions {
  return {
    databaseUrl: config.databaseUrl,
    schema: config.databaseSchema,
    entities: BILLING_ENTITIES,
    migrations: billingMigrations,
    migrationsDir: join(__dirname, 'migrations'),
  };
}
