import { randomUUID } from 'node:crypto';
import { can } from '../../../lib/access/policy';
import { recordAudit } from '../../../lib/audit/record-audit';
import type { AdminRole } from '../../../lib/domain/enums';
import {
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
} from '../../../lib/errors/domain-errors';
import { parseId } from '../../../lib/graphql/ids';
import type { AccountsContext } from '../context';
import { assertValidDelegationRequest } from '../domain/delegation-rules';
import { Delegation, DelegationStatus } from '../entities/delegation.entity';
import { Organization } from '../entities/organization.entity';
import { organizationFor } from './organization-access';

const DAY_MS = 86_400_000;

/** A partner agent asks a customer for delegated admin roles; a global admin there approves. */
export function requestDelegation(
  ctx: AccountsContext,
  organizationId: string,
  roles: AdminRole[],
  durationDays: number,
) {
  const partnerId = ctx.viewer.partnerId;
  if (!partnerId) throw new ForbiddenError('Only partner agents request delegations.');
  assertValidDelegationRequest(roles, durationDays);
  return ctx.em.transactional(async (em) => {
    const organization = await em.findOne(Organization, {
      id: parseId(organizationId, 'organizationId'),
    });
    if (!organization || organization.provider)
      throw new NotFoundError('Organization', organizationId);
    const delegation = em.create(Delegation, {
      id: `delegation-${randomUUID()}`,
      partner: partnerId,
      organization,
      roles: [...new Set(roles)].sort(),
      durationDays,
      startsAt: ctx.now,
      endsAt: new Date(ctx.now.getTime() + durationDays * DAY_MS),
      status: DelegationStatus.PENDING,
    });
    recordAudit(
      em,
      ctx.viewer,
      {
        organizationId,
        action: 'delegation.requested',
        target: delegation.id,
        after: { partnerId, roles, durationDays },
      },
      ctx.now,
    );
    return delegation;
  });
}

async function delegationFor(em: AccountsContext['em'], delegationId: string): Promise<Delegation> {
  const delegation = await em.findOne(Delegation, { id: parseId(delegationId, 'delegationId') });
  if (!delegation) throw new NotFoundError('Delegation', delegationId);
  return delegation;
}

export async function approveDelegation(ctx: AccountsContext, delegationId: string) {
  const approved = await ctx.em.transactional(async (em) => {
    const delegation = await delegationFor(em, delegationId);
    await organizationFor(em, ctx.viewer, delegation.organization.id, 'delegations:manage');
    if (delegation.status !== DelegationStatus.PENDING) {
      throw new InvalidTransitionError(
        `Only a pending delegation can be approved; this one is ${delegation.status}.`,
      );
    }
    // The term runs from the approval, so a request left waiting loses nothing.
    delegation.status = DelegationStatus.ACTIVE;
    delegation.startsAt = ctx.now;
    delegation.endsAt = new Date(ctx.now.getTime() + delegation.durationDays * DAY_MS);
    recordAudit(
      em,
      ctx.viewer,
      {
        organizationId: delegation.organization.id,
        action: 'delegation.approved',
        target: delegation.id,
        before: { status: 'PENDING' },
        after: { status: 'ACTIVE', endsAt: delegation.endsAt },
      },
      ctx.now,
    );
    return delegation;
  });
  await ctx.viewerChanges.announce({ partnerIds: [approved.partner.id] });
  return approved;
}

/** Either side may end it: a global admin of the customer, or an agent of the partner. */
export async function terminateDelegation(ctx: AccountsContext, delegationId: string) {
  const terminated = await ctx.em.transactional(async (em) => {
    const delegation = await delegationFor(em, delegationId);
    const organization = await em.findOneOrFail(Organization, delegation.organization.id);
    const byPartner = ctx.viewer.partnerId === delegation.partner.id;
    if (!byPartner && !can(ctx.viewer, 'delegations:manage', organization, ctx.now)) {
      throw new ForbiddenError(
        'Only a global admin of the customer or the partner may end this delegation.',
      );
    }
    if (delegation.status === DelegationStatus.TERMINATED) {
      throw new InvalidTransitionError('This delegation was already terminated.');
    }
    const before = delegation.status;
    delegation.status = DelegationStatus.TERMINATED;
    delegation.terminatedAt = ctx.now;
    recordAudit(
      em,
      ctx.viewer,
      {
        organizationId: organization.id,
        action: 'delegation.terminated',
        target: delegation.id,
        before: { status: before },
        after: { status: 'TERMINATED' },
      },
      ctx.now,
    );
    return delegation;
  });
  await ctx.viewerChanges.announce({ partnerIds: [terminated.partner.id] });
  return terminated;
}
