import type { BaseContext } from '../../lib/http/subgraph-server';
import type { AccountsLoaders } from './loaders';

export interface AccountsContext extends BaseContext {
  loaders: AccountsLoaders;
}
