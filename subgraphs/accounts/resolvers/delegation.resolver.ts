import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver } from 'type-graphql';
import { assertCan } from '../../../lib/access/policy';
import { ForbiddenError } from '../../../lib/errors/domain-errors';
import { AdminRole } from '../../../lib/graphql/enums';
import { Parent } from '../../../lib/graphql/parent';
import {
  approveDelegation,
  requestDelegation,
  terminateDelegation,
} from '../commands/delegation.commands';
import type { AccountsContext } from '../context';
import { Delegation } from '../entities/delegation.entity';
import { Organization } from '../entities/organization.entity';
import { Partner } from '../entities/partner.entity';

@Resolver(() => Delegation)
export class DelegationResolver {
  @Mutation(() => Delegation, {
    description:
      'Partner agents: ask a customer for admin roles (1 to 730 days, never global admin).',
  })
  requestDelegation(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('roles', () => [AdminRole]) roles: AdminRole[],
    @Arg('durationDays', () => Int) durationDays: number,
    @Ctx() ctx: AccountsContext,
  ) {
    return requestDelegation(ctx, organizationId, roles, durationDays);
  }

  @Mutation(() => Delegation, {
    description: "Customer's global admins: approve a pending request; the term starts now.",
  })
  approveDelegation(
    @Arg('delegationId', () => ID) delegationId: string,
    @Ctx() ctx: AccountsContext,
  ) {
    return approveDelegation(ctx, delegationId);
  }

  @Mutation(() => Delegation, {
    description: 'End a delegation at once (customer global admin or the partner).',
  })
  terminateDelegation(
    @Arg('delegationId', () => ID) delegationId: string,
    @Ctx() ctx: AccountsContext,
  ) {
    return terminateDelegation(ctx, delegationId);
  }

  @FieldResolver(() => Boolean, {
    description: 'Active and within its term: only then does it grant anything.',
  })
  valid(@Parent() delegation: Delegation, @Ctx() ctx: AccountsContext): boolean {
    return delegation.isValidAt(ctx.now);
  }

  @FieldResolver(() => Partner)
  partner(@Parent() delegation: Delegation, @Ctx() ctx: AccountsContext) {
    return ctx.loaders.partnerById.load(delegation.partner.id);
  }

  @FieldResolver(() => Organization)
  organization(@Parent() delegation: Delegation, @Ctx() ctx: AccountsContext) {
    return ctx.loaders.organizationById.load(delegation.organization.id);
  }
}

@Resolver(() => Organization)
export class OrganizationDelegationsResolver {
  @FieldResolver(() => [Delegation], {
    nullable: true,
    description: 'Every delegation, pending and ended too; global admins only.',
  })
  async delegations(@Parent() organization: Organization, @Ctx() ctx: AccountsContext) {
    assertCan(ctx.viewer, 'delegations:manage', organization);
    return ctx.loaders.delegationsByOrganizationId.load(organization.id);
  }
}

@Resolver(() => Partner)
export class PartnerDelegationsResolver {
  @FieldResolver(() => [Delegation], {
    description: "The partner's delegations, pending and ended too; its agents only.",
  })
  async delegations(@Parent() partner: Partner, @Ctx() ctx: AccountsContext) {
    if (ctx.viewer.partnerId !== partner.id)
      throw new ForbiddenError('Only agents of this partner may list its delegations.');
    return ctx.loaders.delegationsByPartnerId.load(partner.id);
  }
}
