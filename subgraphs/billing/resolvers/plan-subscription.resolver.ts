import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { DateScalar } from '../../../lib/graphql/scalars';
import type { BillingContext } from '../context';
import { Plan } from '../entities/plan.entity';
import { PlanSubscription } from '../entities/plan-subscription.entity';
import { Partner } from '../types/partner.type';

/** The plan of a subscription, through the loader: one statement for any number of them. */
export async function loadPlanOf(ctx: BillingContext, subscription: PlanSubscription) {
  const plan = await ctx.loaders.planById.load(subscription.plan.id);
  if (!plan) throw new Error(`plan ${subscription.plan.id} of ${subscription.id} vanished`);
  return plan;
}

@Resolver(() => PlanSubscription)
export class PlanSubscriptionResolver {
  @FieldResolver(() => Plan)
  plan(@Root() subscription: PlanSubscription, @Ctx() ctx: BillingContext): Promise<Plan> {
    return loadPlanOf(ctx, subscription);
  }

  @FieldResolver(() => Partner, {
    nullable: true,
    description: 'The partner it was bought through; null when bought directly.',
  })
  partner(@Root() subscription: PlanSubscription): Partner | null {
    return subscription.partnerId ? { id: subscription.partnerId } : null;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      'When the paid term ends and renews (UTC day); null for trials and ended subscriptions.',
  })
  renewsOn(@Root() subscription: PlanSubscription): string | null {
    return subscription.renewalDate();
  }
}
