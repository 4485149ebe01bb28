import type { EntityManager } from '@mikro-orm/core';
import { lazyLoaders } from '../../lib/orm/lazy-loaders';
import { loaderById, loaderGroupedBy } from '../../lib/orm/loaders';
import { Delegation } from './entities/delegation.entity';
import { Organization } from './entities/organization.entity';
import { Partner } from './entities/partner.entity';
import { RegisteredContact } from './entities/registered-contact.entity';
import { RoleAssignment } from './entities/role-assignment.entity';
import { User } from './entities/user.entity';

export const createAccountsLoaders = lazyLoaders<EntityManager>()({
  organizationById: (em) => loaderById(em, Organization),
  userById: (em) => loaderById(em, User),
  partnerById: (em) => loaderById(em, Partner),
  rolesByUserId: (em) =>
    loaderGroupedBy(em, RoleAssignment, 'user', (r) => r.user.id, { role: 'asc' }),
  contactsByOrganizationId: (em) =>
    loaderGroupedBy(em, RegisteredContact, 'organization', (c) => c.organization.id, {
      kind: 'desc',
      value: 'asc',
    }),
  delegationsByOrganizationId: (em) =>
    loaderGroupedBy(em, Delegation, 'organization', (d) => d.organization.id, {
      endsAt: 'desc',
    }),
  delegationsByPartnerId: (em) =>
    loaderGroupedBy(em, Delegation, 'partner', (d) => d.partner.id, {
      endsAt: 'desc',
    }),
});

export type AccountsLoaders = ReturnType<typeof createAccountsLoaders>;
