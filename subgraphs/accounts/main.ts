// First: tracing (when on) must patch http, undici and graphql before they load.
import '../../lib/telemetry/register';
import 'reflect-metadata';
import { loadSubgraphConfig } from '../../lib/config/subgraph-config';
import { runSubgraph } from '../../lib/http/run-subgraph';
import { accountsOrmOptions } from './database';
import { seedAccounts } from './seed';
import { createAccountsServer } from './server';

const config = loadSubgraphConfig('accounts');
void runSubgraph(config, {
  ormOptions: accountsOrmOptions(config),
  seed: seedAccounts,
  start: createAccountsServer,
});
