import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Action } from '../../../lib/access/permissions';
import { assertCan } from '../../../lib/access/policy';
import type { BillingContext } from '../context';
import { supportEntitlement } from '../domain/support-entitlement';
import { PlanSubscription } from '../entities/plan-subscription.entity';
import { Organization } from '../types/organization.type';
import { SupportEntitlement } from '../types/support-entitlement.type';
import { loadPlanOf } from './plan-subscription.resolver';

/**
 * The organization's subscriptions, once the viewer may take `action` on it. Billing does not
 * store organizations: their subscriptions carry the cloud the policy needs for engineers.
 */
async function loadSubscriptionsFor(
  ctx: BillingContext,
  organization: Organization,
  action: Action,
): Promise<PlanSubscription[]> {
  const subscriptions = await ctx.loaders.subscriptionsByOrganizationId.load(organization.id);
  assertCan(ctx.viewer, action, { id: organization.id, cloud: subscriptions[0]?.cloud ?? null });
  return subscriptions;
}

@Resolver(() => Organization)
export class OrganizationResolver {
  @FieldResolver(() => [PlanSubscription], {
    nullable: true,
    description:
      'Trials and paid subscriptions, ended ones included; null with FORBIDDEN for viewers ' +
      'without billing rights.',
  })
  subscriptions(
    @Root() organization: Organization,
    @Ctx() ctx: BillingContext,
  ): Promise<PlanSubscription[]> {
    return loadSubscriptionsFor(ctx, organization, 'billing:read');
  }

  @FieldResolver(() => SupportEntitlement, {
    nullable: true,
    description:
      'Support level from what was bought. An organization without subscriptions gets ' +
      'pre-sales support only (planFamily null). Null with FORBIDDEN for viewers without the right.',
  })
  async supportEntitlement(
    @Root() organization: Organization,
    @Ctx() ctx: BillingContext,
  ): Promise<SupportEntitlement> {
    const subscriptions = await loadSubscriptionsFor(ctx, organization, 'entitlement:read');
    const plans = await Promise.all(subscriptions.map((s) => loadPlanOf(ctx, s)));
    const entitlement = supportEntitlement(
      subscriptions.map((s, i) => ({
        status: s.status,
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
