import { Arg, Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { Cloud } from '../../../lib/graphql/enums';
import { Parent } from '../../../lib/graphql/parent';
import type { BillingContext } from '../context';
import { Plan } from '../entities/plan.entity';
import { Money } from '../types/money.type';

@Resolver(() => Plan)
export class PlanResolver {
  @Query(() => [Plan], {
    description: 'The public catalog of one cloud, add-ons included; no sign-in needed.',
  })
  plans(@Arg('cloud', () => Cloud) cloud: Cloud, @Ctx() ctx: BillingContext): Promise<Plan[]> {
    return ctx.em.find(
      Plan,
      { cloud },
      { orderBy: { kind: 'asc', family: 'asc', priceAmount: 'asc', name: 'asc' } },
    );
  }

  @FieldResolver(() => Money, { description: 'List price of one licence for one month.' })
  pricePerLicenseMonth(@Parent() plan: Plan): Money {
    return { amount: plan.priceAmount, currency: plan.priceCurrency };
  }
}
