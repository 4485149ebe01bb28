import type { EntityManager } from '@mikro-orm/core';
import { Cloud } from '../lib/domain/enums';
import { Delegation, DelegationStatus } from '../subgraphs/accounts/entities/delegation.entity';
import { Partner } from '../subgraphs/accounts/entities/partner.entity';
import { RoleAssignment } from '../subgraphs/accounts/entities/role-assignment.entity';
import { User } from '../subgraphs/accounts/entities/user.entity';
import {
  BENCH_ADMIN_ROLES,
  BENCH_ORGANIZATIONS,
  benchAgentEmail,
  CUSTOMERS_PER_PARTNER,
  GLOBAL_PARTNERS,
  globalPartnerId,
  indexes,
  insertChunked,
  orgId,
  pad,
  userId,
} from './seed-bench-data';

// The viewers of the rotating scenarios: the 200 bench organizations' admins with the two roles
// SupportPicture needs, and partner agents whose dashboards list 50 delegating customers each.
// Accounts only; added to a bench database that lacks them, whenever it was seeded.

/**
 * Partners beyond the seeded three, each with 50 global customers in a window that overlaps its
 * neighbours' (a customer may delegate to more than one partner). Windows start after Litware's
 * 21Vianet customers (organizations 0..48): a global partner administers global tenants only.
 */
const EXTRA_PARTNERS = 5;
const FIRST_GLOBAL_ORGANIZATION = 49;
const WINDOW_STEP = 25;
const DAY = 86_400_000;

export const BENCH_PARTNERS = GLOBAL_PARTNERS + EXTRA_PARTNERS;

async function seedAdminRoles(em: EntityManager, now: Date): Promise<void> {
  const rows = indexes(BENCH_ORGANIZATIONS).flatMap((i) =>
    BENCH_ADMIN_ROLES.map((role) => ({
      id: `bench-role-${pad(i)}-${role.toLowerCase()}`,
      user: userId(i),
      organization: orgId(i),
      role,
      assignedAt: now,
    })),
  );
  await insertChunked(em, RoleAssignment, rows);
}

async function seedExtraPartners(em: EntityManager, now: Date): Promise<void> {
  const extra = indexes(EXTRA_PARTNERS).map((k) => GLOBAL_PARTNERS + k);
  await insertChunked(
    em,
    Partner,
    extra.map((p) => ({
      id: globalPartnerId(p),
      name: `Bench Partner ${p + 1}`,
      cloud: Cloud.GLOBAL,
    })),
  );
  await insertChunked(
    em,
    Delegation,
    extra.flatMap((p, k) =>
      indexes(CUSTOMERS_PER_PARTNER).map((c) => {
        const organization = FIRST_GLOBAL_ORGANIZATION + k * WINDOW_STEP + c;
        return {
          id: `bench-delegation-p${p + 1}-${pad(organization)}`,
          partner: globalPartnerId(p),
          organization: orgId(organization),
          roles: BENCH_ADMIN_ROLES,
          durationDays: 730,
          startsAt: new Date(now.getTime() - 30 * DAY),
          endsAt: new Date(now.getTime() + 700 * DAY),
          status: DelegationStatus.ACTIVE,
        };
      }),
    ),
  );
}

async function seedPartnerAgents(em: EntityManager): Promise<void> {
  await insertChunked(
    em,
    User,
    indexes(BENCH_PARTNERS).map((p) => ({
      id: `bench-agent-${p + 1}`,
      email: benchAgentEmail(p),
      displayName: `Bench Partner Agent ${p + 1}`,
      organization: null,
      partner: globalPartnerId(p),
      supportEngineer: false,
    })),
  );
}

/** Adds the rotating viewers to the accounts database of the bench; present ones are kept. */
export async function seedBenchViewers(em: EntityManager, now = new Date()): Promise<void> {
  await em.transactional(async (tx) => {
    if ((await tx.count(User, { email: benchAgentEmail(BENCH_PARTNERS - 1) })) > 0) return;
    await seedAdminRoles(tx, now);
    await seedExtraPartners(tx, now);
    await seedPartnerAgents(tx);
  });
}
