import { Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import { canReadPartnerRecord, requireUser } from '../../../lib/access/policy';
import { ForbiddenError } from '../../../lib/errors/domain-errors';
import { Parent } from '../../../lib/graphql/parent';
import type { CasesContext } from '../context';
import { Partner } from '../types/partner.type';

@Resolver(() => Partner)
export class PartnerResolver {
  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'Cases the partner opened for customers and escalated to the provider; for its own ' +
      'agents and support engineers (null with FORBIDDEN otherwise).',
  })
  escalationCount(@Parent() partner: Partner, @Ctx() ctx: CasesContext): Promise<number> {
    requireUser(ctx.viewer);
    if (!canReadPartnerRecord(ctx.viewer, partner.id)) {
      throw new ForbiddenError("Only the partner's own agents and support see its escalations.");
    }
    return ctx.loaders.escalationCount.load(partner.id);
  }
}
