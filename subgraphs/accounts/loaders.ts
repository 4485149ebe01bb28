import type { EntityManager } from '@mikro-orm/core';
import { lazyLoaders } from '../../lib/orm/lazy-loaders';
import { loaderById, loaderGroupedBy, PLAIN_WHEN_READING } from '../../lib/orm/loaders';
import { Delegation } from './entities/delegation.entity';
import { Organization } from './entities/organization.entity';
import { Partner } from './entities/partner.entity';
import { RegisteredContact } from './entities/registered-contact.entity';
import { RoleAssignment } from './entities/role-assignment.entity';
import { User } from './entities/user.entity';

// Organizations, users, partners and contacts are read through their properties and relation keys
// only, so queries get them as plain rows; roles and delegations stay entities (isValidAt).

export const createAccountsLoaders = lazyLoaders<EntityManager>()({
  organizationById: (em) => loaderById(em, Organization, PLAIN_WHEN_READING),
  userById: (em) => loaderById(em, User, PLAIN_WHEN_READING),
  partnerById: (em) => loaderById(em, Partner, PLAIN_WHEN_READING),
  rolesByUserId: (em) =>
    loaderGroupedBy(em, RoleAssignment, 'user', (r) => r.user.id, { role: 'asc' }),
  contactsByOrganizationId: (em) =>
    loaderGroupedBy(
      em,
      RegisteredContact,
      'organization',
      (c) => c.organization.id,
      { kind: 'desc', value: 'asc' },
      PLAIN_WHEN_READING,
    ),
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
