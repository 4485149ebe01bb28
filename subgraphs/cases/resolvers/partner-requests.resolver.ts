import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, Info, Mutation, Resolver } from 'type-graphql';
import { assertCan } from '../../../lib/access/policy';
import { NotFoundError } from '../../../lib/errors/domain-errors';
import { Parent } from '../../../lib/graphql/parent';
import { openPartnerRequest } from '../commands/open-partner-request.command';
import type { CasesContext } from '../context';
import { SupportCase } from '../entities/support-case.entity';
import { loadCaseList } from '../loaders/case-list';
import { CaseConnection } from '../types/case-connection.type';
import { CasesArgs } from '../types/cases.args';
import { OpenPartnerRequestInput } from '../types/open-partner-request.input';
import { Partner } from '../types/partner.type';

// A partner's own Partner Center requests (003), beside the cases it opens for customers.
@Resolver(() => Partner)
export class PartnerRequestsResolver {
  @FieldResolver(() => CaseConnection, {
    nullable: true,
    description:
      "The partner organization's own Partner Center requests, newest first; for its agents and " +
      'the support engineers of its cloud (null with FORBIDDEN otherwise).',
  })
  async requests(
    @Parent() root: Partner,
    @Args(() => CasesArgs) args: CasesArgs,
    @Ctx() ctx: CasesContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CaseConnection> {
    const partner = await ctx.loaders.peers.partner.load(root.id);
    if (!partner) throw new NotFoundError('Partner', root.id);
    assertCan(ctx.viewer, 'cases:read', { id: partner.id, cloud: partner.cloud, partner: true });
    return loadCaseList(partner.id, args, ctx, info);
  }

  @Mutation(() => SupportCase, {
    description:
      'A partner agent opens a request of its own partner organization about Partner Center; ' +
      'it is followed like any case (notes, status, clock, live events with partnerId).',
  })
  openPartnerRequest(
    @Arg('input', () => OpenPartnerRequestInput) input: OpenPartnerRequestInput,
    @Ctx() ctx: CasesContext,
  ): Promise<SupportCase> {
    return openPartnerRequest(ctx, input);
  }
}
