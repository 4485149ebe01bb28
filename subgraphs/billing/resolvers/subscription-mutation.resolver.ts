import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { parseId } from '../../../lib/graphql/ids';
import * as commands from '../commands/subscription.commands';
import type { BillingContext } from '../context';
import { PlanSubscription } from '../entities/plan-subscription.entity';

// GraphQL to commands and back. Who may: a global or billing admin of the organization, or an
// agent of the partner that sold the subscription, through a valid delegation with BILLING_ADMIN.
const WHO =
  ' Needs a global or billing admin of the organization, or the selling partner with a ' +
  'delegated BILLING_ADMIN role.';

const commandContext = (ctx: BillingContext): commands.CommandContext => ({
  em: ctx.em,
  viewer: ctx.viewer,
  now: ctx.now,
  organizations: ctx.organizations,
});

@Resolver()
export class SubscriptionMutationResolver {
  @Mutation(() => PlanSubscription, {
    description: `Starts the one 30-day trial (25 licences) the organization may have of a plan.${WHO}`,
  })
  startTrial(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('planId', () => ID) planId: string,
    @Ctx() ctx: BillingContext,
  ): Promise<PlanSubscription> {
    return commands.startTrial(
      commandContext(ctx),
      parseId(organizationId, 'organizationId'),
      parseId(planId, 'planId'),
    );
  }

  @Mutation(() => PlanSubscription, {
    description:
      'Buys a plan, a standalone service or an elevated support add-on: a paid annual term ' +
      `starting now, with auto-renewal. Bought through the partner when a partner agent buys.${WHO}`,
  })
  purchaseSubscription(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('planId', () => ID) planId: string,
    @Arg('licenses', () => Int) licenses: number,
    @Ctx() ctx: BillingContext,
  ): Promise<PlanSubscription> {
    return commands.purchaseSubscription(
      commandContext(ctx),
      parseId(organizationId, 'organizationId'),
      parseId(planId, 'planId'),
      licenses,
    );
  }

  @Mutation(() => PlanSubscription, {
    description: `Turns a running trial into a paid annual term; the subscription keeps its id.${WHO}`,
  })
  convertTrial(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Arg('licenses', () => Int) licenses: number,
    @Ctx() ctx: BillingContext,
  ): Promise<PlanSubscription> {
    return commands.convertTrial(
      commandContext(ctx),
      parseId(subscriptionId, 'subscriptionId'),
      licenses,
    );
  }

  @Mutation(() => PlanSubscription, {
    description:
      'Adds or removes licences of a paid subscription, never below the licences assigned; ' +
      `billed by the day from today.${WHO}`,
  })
  changeLicenses(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Arg('licenses', () => Int) licenses: number,
    @Ctx() ctx: BillingContext,
  ): Promise<PlanSubscription> {
    return commands.changeLicenses(
      commandContext(ctx),
      parseId(subscriptionId, 'subscriptionId'),
      licenses,
    );
  }

  @Mutation(() => PlanSubscription, {
    description:
      'Extends a paid term by a year (once ahead at most), or restarts an expired paid ' +
      `subscription for a new term.${WHO}`,
  })
  renewSubscription(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Ctx() ctx: BillingContext,
  ): Promise<PlanSubscription> {
    return commands.renewSubscription(
      commandContext(ctx),
      parseId(subscriptionId, 'subscriptionId'),
    );
  }

  @Mutation(() => PlanSubscription, {
    description:
      'Cancels a paid subscription within 7 days of its purchase, conversion or renewal; ' +
      `billing stops today. Trials are not cancelled: they end by themselves.${WHO}`,
  })
  cancelSubscription(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Ctx() ctx: BillingContext,
  ): Promise<PlanSubscription> {
    return commands.cancelSubscription(
      commandContext(ctx),
      parseId(subscriptionId, 'subscriptionId'),
    );
  }

  @Mutation(() => PlanSubscription, {
    description: `Turns auto-renewal of a paid subscription on or off.${WHO}`,
  })
  setAutoRenew(
    @Arg('subscriptionId', () => ID) subscriptionId: string,
    @Arg('autoRenew', () => Boolean) autoRenew: boolean,
    @Ctx() ctx: BillingContext,
  ): Promise<PlanSubscription> {
    return commands.setAutoRenew(
      commandContext(ctx),
      parseId(subscriptionId, 'subscriptionId'),
      autoRenew,
    );
  }
}
