import { randomUUID } from 'node:crypto';
import { recordAudit } from '../../../lib/audit/record-audit';
import type { AdminRole } from '../../../lib/domain/enums';
import {
  BadUserInputError,
  InvalidTransitionError,
  NotFoundError,
} from '../../../lib/errors/domain-errors';
import { parseId } from '../../../lib/graphql/ids';
import type { AccountsContext } from '../context';
import { RoleAssignment } from '../entities/role-assignment.entity';
import { User } from '../entities/user.entity';
import { organizationFor } from './organization-access';

async function memberOf(em: AccountsContext['em'], organizationId: string, userId: string) {
  const user = await em.findOne(User, { id: parseId(userId, 'userId') });
  if (!user || user.organization?.id !== organizationId) {
    throw new NotFoundError(`User in organization ${organizationId}`, userId);
  }
  return user;
}

export async function assignAdminRole(
  ctx: AccountsContext,
  organizationId: string,
  userId: string,
  role: AdminRole,
) {
  const changed = await ctx.em.transactional(async (em) => {
    const organization = await organizationFor(em, ctx.viewer, organizationId, 'roles:manage');
    const user = await memberOf(em, organization.id, userId);
    const existing = await em.findOne(RoleAssignment, { user, organization, role });
    if (existing) throw new InvalidTransitionError(`${user.email} already holds ${role}.`);
    em.create(RoleAssignment, {
      id: `role-${randomUUID()}`,
      user,
      organization,
      role,
      assignedAt: ctx.now,
    });
    recordAudit(
      em,
      ctx.viewer,
      { organizationId, action: 'role.assigned', target: user.id, after: { role } },
      ctx.now,
    );
    return user;
  });
  await ctx.viewerChanges.announce({ userIds: [changed.id] });
  return changed;
}

export async function removeAdminRole(
  ctx: AccountsContext,
  organizationId: string,
  userId: string,
  role: AdminRole,
) {
  const changed = await ctx.em.transactional(async (em) => {
    const organization = await organizationFor(em, ctx.viewer, organizationId, 'roles:manage');
    const user = await memberOf(em, organization.id, userId);
    const assignment = await em.findOne(RoleAssignment, { user, organization, role });
    if (!assignment) throw new InvalidTransitionError(`${user.email} does not hold ${role}.`);
    if (role === 'GLOBAL_ADMIN' && (await em.count(RoleAssignment, { organization, role })) === 1) {
      throw new BadUserInputError(
        'This is the last global admin of the organization: assign another one first.',
      );
    }
    em.remove(assignment);
    recordAudit(
      em,
      ctx.viewer,
      { organizationId, action: 'role.removed', target: user.id, before: { role } },
      ctx.now,
    );
    return user;
  });
  await ctx.viewerChanges.announce({ userIds: [changed.id] });
  return changed;
}
