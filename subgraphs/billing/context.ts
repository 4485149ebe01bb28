import type { BaseContext } from '../../lib/http/subgraph-server';
import type { BillingLoaders } from './loaders';
import type { OrganizationDirectory } from './peers/organization-directory';

export interface BillingContext extends BaseContext {
  loaders: BillingLoaders;
  /** Asks accounts for an organization's cloud when billing has nothing on it yet. */
  organizations: OrganizationDirectory;
}
