import type { BaseContext } from '../../lib/http/subgraph-server';
import type { CasesLoaders } from './loaders';

export interface CasesContext extends BaseContext {
  loaders: CasesLoaders;
}
