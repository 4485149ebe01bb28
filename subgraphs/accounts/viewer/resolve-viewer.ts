import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../../../lib/viewer/viewer';
import { Delegation, DelegationStatus } from '../entities/delegation.entity';
import { RoleAssignment } from '../entities/role-assignment.entity';
import type { User } from '../entities/user.entity';
import { VerificationGrant } from '../entities/verification-grant.entity';

/**
 * Builds the viewer context of a signed-in user: home roles, valid delegations of its partner,
 * support cloud. The gateway asks for it once per sign-in (and caches it briefly).
 */
export async function resolveViewer(em: EntityManager, user: User, now: Date): Promise<Viewer> {
  const organization = user.organization ?? null;
  const [assignments, delegations, grants] = await Promise.all([
    organization
      ? em.find(RoleAssignment, { user: user.id, organization: organization.id })
      : Promise.resolve([]),
    user.partner
      ? em.find(Delegation, {
          partner: user.partner.id,
          status: DelegationStatus.ACTIVE,
          startsAt: { $lte: now },
          endsAt: { $gt: now },
        })
      : Promise.resolve([]),
    user.supportEngineer
      ? em.find(VerificationGrant, { engineer: user.id, expiresAt: { $gt: now } })
      : Promise.resolve([]),
  ]);
  return {
    kind: 'user',
    userId: user.id,
    email: user.email,
    organizationId: organization?.id ?? null,
    roles: assignments.map((a) => a.role).sort(),
    partnerId: user.partner?.id ?? null,
    delegations: delegations.map((d) => ({
      organizationId: d.organization.id,
      roles: [...d.roles],
      expiresAt: d.endsAt.toISOString(),
    })),
    supportCloud: user.supportEngineer && organization?.provider ? organization.cloud : null,
    verificationGrants: grants.map((g) => ({
      organizationId: g.organization.id,
      expiresAt: g.expiresAt.toISOString(),
    })),
  };
}
