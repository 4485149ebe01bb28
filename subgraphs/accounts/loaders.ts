import type { EntityManager } from '@mikro-orm/core';
import { loaderById, loaderGroupedBy } from '../../lib/orm/loaders';
import { Delegation } from './entities/delegation.entity';
import { Organization } from './entities/organization.entity';
import { Partner } from './entities/partner.entity';
import { RegisteredContact } from './entities/registered-contact.entity';
import { RoleAssignment } from './entities/role-assignment.entity';
import { User } from './entities/user.entity';

export function createAccountsLoaders(em: EntityManager) {
  return {
    organizationById: loaderById(em, Organization),
    userById: loaderById(em, User),
    partnerById: loaderById(em, Partner),
    rolesByUserId: loaderGroupedBy(em, RoleAssignment, 'user', (r) => r.user.id, { role: 'asc' }),
    contactsByOrganizationId: loaderGroupedBy(
      em,
      RegisteredContact,
      'organization',
      (c) => c.organization.id,
      { kind: 'desc', value: 'asc' },
    ),
    delegationsByOrganizationId: loaderGroupedBy(
      em,
      Delegation,
      'organization',
      (d) => d.organization.id,
      {
        endsAt: 'desc',
      },
    ),
    delegationsByPartnerId: loaderGroupedBy(em, Delegation, 'partner', (d) => d.partner.id, {
      endsAt: 'desc',
    }),
  };
}

export type AccountsLoaders = ReturnType<typeof createAccountsLoaders>;
