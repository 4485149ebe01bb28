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

export async function createAccountsServer({
  orm,
  config,
  log,
}: SubgraphDeps): Promise<SubgraphServer> {
  const codec = createViewerTokenCodec(config.internalSecret);
  const { schema } = await buildAccountsSchema();
  const notifier = createNotifier(config.notifier);
  return startSubgraphServer<AccountsContext>(
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
      }),
      routes: (app) => mountViewerRoute(app, orm, codec),
    },
    config.port,
    config.host,
  );
}
