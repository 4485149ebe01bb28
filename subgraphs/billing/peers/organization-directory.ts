import DataLoader from 'dataloader';
import type { Cloud } from '../../../lib/domain/enums';
import { UpstreamError } from '../../../lib/errors/domain-errors';
import { resolveEntities } from '../../../lib/federation/resolve-entities';
import type { ServiceClient } from '../../../lib/federation/service-client';

/**
 * What billing needs to know about an organization it has never sold anything to: its cloud,
 * which decides the plans it may buy. Accounts owns it; billing asks as the service identity,
 * batched per request like cases' peers.
 */
export interface OrganizationDirectory {
  cloudOf(organizationId: string): Promise<Cloud>;
}

const ORGANIZATION_CLOUDS = `query BillingOrganizationClouds($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Organization { id cloud } }
}`;

/** One per request: the loader batches and caches for that request only. */
export function accountsDirectory(accounts: ServiceClient): OrganizationDirectory {
  const clouds = new DataLoader<string, Cloud>(async (ids) => {
    const rows = await resolveEntities<{ cloud: Cloud }>(
      accounts,
      ORGANIZATION_CLOUDS,
      'Organization',
      ids,
    );
    return ids.map(
      (id, i) =>
        rows[i]?.cloud ?? new UpstreamError('Organization', `accounts does not know ${id}`),
    );
  });
  return { cloudOf: (organizationId) => clouds.load(organizationId) };
}
