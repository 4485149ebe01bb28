import type { EntityManager } from '@mikro-orm/core';
import type { SubgraphConfig, SubgraphName } from '../lib/config/subgraph-config';
import type { BuiltSubgraphSchema } from '../lib/federation/build-subgraph-schema';
import type { SubgraphDeps, SubgraphServer } from '../lib/http/subgraph-server';
import type { OrmOptions } from '../lib/orm/create-orm';
import { accountsOrmOptions } from './accounts/database';
import { buildAccountsSchema } from './accounts/schema';
import { seedAccounts } from './accounts/seed';
import { createAccountsServer } from './accounts/server';
import { billingOrmOptions } from './billing/database';
import { buildBillingSchema } from './billing/schema';
import { seedBilling } from './billing/seed';
import { createBillingServer } from './billing/server';
import { casesOrmOptions } from './cases/database';
import { buildCasesSchema } from './cases/schema';
import { seedCases } from './cases/seed';
import { createCasesServer } from './cases/server';

/** Everything scripts and tests need to know about each subgraph, in one list. */
export interface SubgraphModule {
  name: SubgraphName;
  ormOptions: (config: Pick<SubgraphConfig, 'databaseUrl' | 'databaseSchema'>) => OrmOptions;
  buildSchema: () => Promise<BuiltSubgraphSchema>;
  seed: (em: EntityManager, now?: Date) => Promise<boolean>;
  start: (deps: SubgraphDeps) => Promise<SubgraphServer>;
}

export const SUBGRAPHS: SubgraphModule[] = [
  {
    name: 'accounts',
    ormOptions: accountsOrmOptions,
    buildSchema: buildAccountsSchema,
    seed: seedAccounts,
    start: createAccountsServer,
  },
  {
    name: 'billing',
    ormOptions: billingOrmOptions,
    buildSchema: buildBillingSchema,
    seed: seedBilling,
    start: createBillingServer,
  },
  {
    name: 'cases',
    ormOptions: casesOrmOptions,
    buildSchema: buildCasesSchema,
    seed: seedCases,
    start: createCasesServer,
  },
];
