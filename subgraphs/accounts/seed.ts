import type { EntityManager } from '@mikro-orm/core';
import {
  DEMO_ORGANIZATIONS,
  DEMO_PARTNER_NAMES,
  DEMO_USERS,
  ORG,
  PARTNER,
} from '../../lib/demo/demo-tenants';
import { AdminRole, Cloud } from '../../lib/domain/enums';
import { toE164 } from './domain/phone-number';
import { Delegation, DelegationStatus } from './entities/delegation.entity';
import { Organization } from './entities/organization.entity';
import { Partner } from './entities/partner.entity';
import { ContactKind, RegisteredContact } from './entities/registered-contact.entity';
import { RoleAssignment } from './entities/role-assignment.entity';
import { User } from './entities/user.entity';

const DAY = 86_400_000;

/** Seeds the demo tenants on an empty database; a database with organizations is left alone. */
export async function seedAccounts(em: EntityManager, now = new Date()): Promise<boolean> {
  if ((await em.count(Organization)) > 0) return false;
  await em.transactional(async (tx) => {
    for (const o of DEMO_ORGANIZATIONS) {
      const org = tx.create(Organization, { ...o, createdAt: now });
      tx.create(RegisteredContact, {
        id: `${o.id}-phone`,
        organization: org,
        kind: ContactKind.PHONE,
        value: o.phone,
        e164: toE164(o.phone),
        createdAt: now,
      });
      tx.create(RegisteredContact, {
        id: `${o.id}-email`,
        organization: org,
        kind: ContactKind.EMAIL,
        value: o.email,
        createdAt: now,
      });
    }
    tx.create(Partner, {
      id: PARTNER.litware,
      name: DEMO_PARTNER_NAMES[PARTNER.litware],
      cloud: Cloud.CHINA_21VIANET,
    });
    for (const u of DEMO_USERS) {
      tx.create(User, {
        id: u.id,
        email: u.email,
        displayName: u.displayName,
        organization: u.organizationId,
        partner: u.partnerId,
        supportEngineer: u.supportEngineer,
      });
      for (const role of u.roles) {
        tx.create(RoleAssignment, {
          id: `${u.id}-${role.toLowerCase()}`,
          user: u.id,
          organization: u.organizationId!,
          role,
          assignedAt: now,
        });
      }
    }
    tx.create(Delegation, {
      id: 'delegation-litware-tailspin',
      partner: PARTNER.litware,
      organization: ORG.tailspin,
      roles: [AdminRole.SERVICE_SUPPORT_ADMIN, AdminRole.BILLING_ADMIN],
      durationDays: 395,
      startsAt: new Date(now.getTime() - 30 * DAY),
      endsAt: new Date(now.getTime() + 365 * DAY),
      status: DelegationStatus.ACTIVE,
    });
    tx.create(Delegation, {
      id: 'delegation-litware-adatum',
      partner: PARTNER.litware,
      organization: ORG.adatum,
      roles: [AdminRole.SERVICE_SUPPORT_ADMIN],
      durationDays: 365,
      startsAt: new Date(now.getTime() - 400 * DAY),
      endsAt: new Date(now.getTime() - 35 * DAY),
      status: DelegationStatus.ACTIVE,
    });
  });
  return true;
}
