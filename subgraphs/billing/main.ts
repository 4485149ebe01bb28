// First: tracing (when on) must patch http, undici and graphql before they load.
import '../../lib/telemetry/register';
import 'reflect-metadata';
import { loadSubgraphConfig } from '../../lib/config/subgraph-config';
import { runSubgraph } from '../../lib/http/run-subgraph';
import { billingOrmOptions } from './database';
import { seedBilling } from './seed';
import { createBillingServer } from './server';

const config = loadSubgraphConfig('billing');
void runSubgraph(config, {
  ormOptions: billingOrmOptions(config),
  seed: seedBilling,
  start: createBillingServer,
});
