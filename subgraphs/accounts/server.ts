import {
  type SubgraphDeps,
  type SubgraphServer,
  startSubgraphServer,
} from '../../lib/http/subgraph-server';
import { createNotifier } from '../../lib/notify/notifier';
import { createViewerTokenCodec } from '../../lib/viewer/viewer-token';
import type { AccountsContext } from './context';
import { createAccountsLoaders } from './loaders';
import { buildAccountsSchema } from './schema';
import { mountViewerRoute } from './viewer/viewer.route';
import { createViewerChangePublisher } from './viewer/viewer-change-publisher';
import { viewerChangesOf } from './viewer/viewer-changes';
import { viewerChangesPlugin } from './viewer/viewer-changes.plugin';

export async function createAccountsServer({
  orm,
  config,
  log,
}: SubgraphDeps): Promise<SubgraphServer> {
  const codec = createViewerTokenCodec(config.internalSecret);
  const { schema } = await buildAccountsSchema();
  const notifier = createNotifier(config.notifier);
  const publisher = createViewerChangePublisher(config.live, log);
  await publisher.ready();
  const server = await startSubgraphServer<AccountsContext>(
    {
      name: 'accounts',
      schema,
      orm,
      codec,
      log,
      createContext: (base) => ({
        ...base,
        loaders: createAccountsLoaders(base.em),
        notifier,
        codeSecret: config.internalSecret,
        viewerChanges: viewerChangesOf(publisher),
      }),
      routes: (app) => mountViewerRoute(app, orm, codec),
      plugins: [viewerChangesPlugin()],
    },
    config,
  );
  return {
    ...server,
    close: async () => {
      await server.close();
      await publisher.close();
    },
  };
}
