import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { Parent } from '../../../lib/graphql/parent';
import { DateScalar } from '../../../lib/graphql/scalars';
import type { BillingContext } from '../context';
import { isoDay } from '../domain/billing-calendar';
import { effectiveStatus } from '../domain/subscription-lifecycle';
import { Plan } from '../entities/plan.entity';
import { PlanSubscription } from '../entities/plan-subscription.entity';
import { SubscriptionStatus } from '../graphql-enums';
import { Partner } from '../types/partner.type';

/** The plan of a subscription, through the loader: one statement for any number of them. */
export async function loadPlanOf(ctx: BillingContext, subscription: PlanSubscription) {
  const plan = await ctx.loaders.planById.load(subscription.plan.id);
  if (!plan) throw new Error(`plan ${subscription.plan.id} of ${subscription.id} vanished`);
  return plan;
}

const isRunningPaid = (s: PlanSubscription, now: Date) =>
  effectiveStatus(s, now) === SubscriptionStatus.ACTIVE;

@Resolver(() => PlanSubscription)
export class PlanSubscriptionResolver {
  @FieldResolver(() => SubscriptionStatus, {
    description:
      'As of now: a trial past its end, or a paid term ended without auto-renewal, is EXPIRED.',
  })
  status(@Parent() subscription: PlanSubscription, @Ctx() ctx: BillingContext): SubscriptionStatus {
    return effectiveStatus(subscription, ctx.now);
  }

  @FieldResolver(() => Plan)
  plan(@Parent() subscription: PlanSubscription, @Ctx() ctx: BillingContext): Promise<Plan> {
    return loadPlanOf(ctx, subscription);
  }

  @FieldResolver(() => Partner, {
    nullable: true,
    description: 'The partner it was bought through; null when bought directly.',
  })
  partner(@Parent() subscription: PlanSubscription): Partner | null {
    return subscription.partnerId ? { id: subscription.partnerId } : null;
  }

  @FieldResolver(() => DateScalar, {
    nullable: true,
    description:
      'When the paid term ends and renews (UTC day); null for trials and ended subscriptions.',
  })
  renewsOn(@Parent() subscription: PlanSubscription, @Ctx() ctx: BillingContext): string | null {
    return isRunningPaid(subscription, ctx.now) ? isoDay(subscription.termEnd) : null;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description:
      'A paid subscription may be cancelled until then: 7 days after it was bought, converted ' +
      'or renewed. Null for trials and ended subscriptions.',
  })
  cancellationAllowedUntil(
    @Parent() subscription: PlanSubscription,
    @Ctx() ctx: BillingContext,
  ): Date | null {
    return isRunningPaid(subscription, ctx.now)
      ? (subscription.cancellationAllowedUntil ?? null)
      : null;
  }
}
