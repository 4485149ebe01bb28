import { Ctx, Directive, FieldResolver, Resolver } from 'type-graphql';
import { assertCan } from '../../../lib/access/policy';
import { Parent } from '../../../lib/graphql/parent';
import type { BillingContext } from '../context';
import { effectiveStatus } from '../domain/subscription-lifecycle';
import { supportEntitlement } from '../domain/support-entitlement';
import { PlanSubscription } from '../entities/plan-subscription.entity';
import { Organization } from '../types/organization.type';
import { SupportEntitlement } from '../types/support-entitlement.type';
import { loadPlanOf } from './plan-subscription.resolver';

// The policy decides on the cloud accounts passed in the representation (@requires), so a
// support engineer of the organization's cloud is recognized even before it bought anything.
const REQUIRES_CLOUD = '@requires(fields: "cloud")';

@Resolver(() => Organization)
export class OrganizationResolver {
  @Directive(REQUIRES_CLOUD)
  @FieldResolver(() => [PlanSubscription], {
    nullable: true,
    description:
      'Trials and paid subscriptions, ended ones included; null with FORBIDDEN for viewers ' +
      'without billing rights.',
  })
  subscriptions(
    @Parent() organization: Organization,
    @Ctx() ctx: BillingContext,
  ): Promise<PlanSubscription[]> {
    assertCan(ctx.viewer, 'billing:read', organization);
    return ctx.loaders.subscriptionsByOrganizationId.load(organization.id);
  }

  @Directive(REQUIRES_CLOUD)
  @FieldResolver(() => SupportEntitlement, {
    nullable: true,
    description:
      'Support level from what was bought. An organization without any trial or active ' +
      'subscription gets pre-sales support only (planFamily null). Null with FORBIDDEN for ' +
      'viewers without the right.',
  })
  async supportEntitlement(
    @Parent() organization: Organization,
    @Ctx() ctx: BillingContext,
  ): Promise<SupportEntitlement> {
    assertCan(ctx.viewer, 'entitlement:read', organization);
    const subscriptions = await ctx.loaders.subscriptionsByOrganizationId.load(organization.id);
    const plans = await Promise.all(subscriptions.map((s) => loadPlanOf(ctx, s)));
    const entitlement = supportEntitlement(
      subscriptions.map((s, i) => ({
        status: effectiveStatus(s, ctx.now),
        channel: s.channel,
        partnerId: s.partnerId,
        plan: plans[i]!,
      })),
    );
    return {
      planFamily: entitlement.planFamily,
      elevated: entitlement.elevated,
      supportedBy: entitlement.supportedBy,
      partner: entitlement.partnerId ? { id: entitlement.partnerId } : null,
    };
  }
}
