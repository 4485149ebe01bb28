import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { assertCan, requireUser } from '../../../lib/access/policy';
import { loadOrganizationSupport, providerTarget } from '../commands/organization-support';
import { responseTargetView } from '../commands/response-target-view';
import type { CasesContext } from '../context';
import { ResponseTargetArgs } from '../types/case-action.args';
import { ResponseTarget } from '../types/response-target.type';

@Resolver(() => ResponseTarget)
export class ResponseTargetResolver {
  @Query(() => ResponseTarget, {
    description:
      'The expected wait shown before submitting: the initial response target for a case of ' +
      'this category and severity opened at openedAt (default now), under the same rules as openCase.',
  })
  async responseTarget(
    @Args(() => ResponseTargetArgs)
    { organizationId, category, severity, openedAt }: ResponseTargetArgs,
    @Ctx() ctx: CasesContext,
  ): Promise<ResponseTarget> {
    requireUser(ctx.viewer);
    const support = await loadOrganizationSupport(ctx, organizationId);
    const { organization } = support;
    assertCan(ctx.viewer, 'cases:read', { id: organization.id, cloud: organization.cloud });
    const rule = await providerTarget(ctx, support, category, severity);
    return responseTargetView(rule, severity, organization.timeZone, openedAt ?? ctx.now);
  }
}
