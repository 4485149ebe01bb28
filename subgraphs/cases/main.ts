// First: tracing (when on) must patch http, undici and graphql before they load.
import '../../lib/telemetry/register';
import 'reflect-metadata';
import { loadSubgraphConfig } from '../../lib/config/subgraph-config';
import { runSubgraph } from '../../lib/http/run-subgraph';
import { casesOrmOptions } from './database';
import { seedCases } from './seed';
import { createCasesServer } from './server';

const config = loadSubgraphConfig('cases');
void runSubgraph(config, {
  ormOptions: casesOrmOptions(config),
  seed: seedCases,
  start: createCasesServer,
});
