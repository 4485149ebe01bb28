import type { BaseContext } from '../../lib/http/subgraph-server';
import type { BillingLoaders } from './loaders';

export interface BillingContext extends BaseContext {
  loaders: BillingLoaders;
}
