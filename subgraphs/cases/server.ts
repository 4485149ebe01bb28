import { Registry } from 'prom-client';
import { createServiceClient } from '../../lib/federation/service-client';
import {
  type SubgraphDeps,
  type SubgraphServer,
  startSubgraphServer,
} from '../../lib/http/subgraph-server';
import { createJobMetrics } from '../../lib/jobs/interval-job';
import { createViewerTokenCodec } from '../../lib/viewer/viewer-token';
import { ensureServiceCatalog } from './commands/ensure-service-catalog.command';
import type { CasesContext } from './context';
import { ResponseAlarmScheduler } from './jobs/response-alarm.job';
import { createCaseEventFeed } from './live/create-case-event-feed';
import { sharedEventScopes } from './live/shared-event-scope';
import { createCasesLoaders } from './loaders';
import { buildCasesSchema } from './schema';

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
  const caseEvents = await createCaseEventFeed(orm, config, log);
  const eventScope = sharedEventScopes(orm, peers);
  const metrics = new Registry();
  const alarms = new ResponseAlarmScheduler({
    orm,
    metrics: createJobMetrics(metrics),
    intervalMs: config.live.responseAlarmIntervalMs,
    publish: (events) => caseEvents.publish(events),
    log,
  });
  if (config.live.responseAlarmIntervalMs > 0) alarms.start();
  const server = await startSubgraphServer<CasesContext>(
    {
      name: 'cases',
      metrics,
      schema,
      orm,
      codec,
      log,
      websocket: true,
      createContext: (base) => {
        const ctx: CasesContext = {
          ...base,
          loaders: createCasesLoaders({ em: base.em, peers }),
          caseEvents,
          eventScope,
        };
        return ctx;
      },
    },
    config,
  );
  return {
    ...server,
    close: async () => {
      await server.close();
      await alarms.stop();
      await caseEvents.close();
    },
  };
}
