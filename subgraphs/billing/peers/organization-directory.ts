import type { Cloud } from '../../../lib/domain/enums';
import type { ServiceClient } from '../../../lib/federation/service-client';

/**
 * What billing needs to know about an organization it has never sold anything to: its cloud,
 * which decides the plans it may buy. Accounts owns it; billing asks as the service identity.
 */
export interface OrganizationDirectory {
  cloudOf(organizationId: string): Promise<Cloud>;
}

const ORGANIZATION_CLOUD = 'query OrganizationCloud($id: ID!) { organization(id: $id) { cloud } }';

export function accountsDirectory(accounts: ServiceClient): OrganizationDirectory {
  return {
    async cloudOf(organizationId) {
      const data = await accounts.query<{ organization: { cloud: Cloud } }>(ORGANIZATION_CLOUD, {
        id: organizationId,
      });
      return data.organization.cloud;
    },
  };
}
