import { Args, Ctx, Query, Resolver } from 'type-graphql';
import { assertCan, requireUser } from '../../../lib/access/policy';
import { openingSeverity } from '../commands/opening-severity';
import { assignedSeverity, responseTargetView } from '../commands/response-target-view';
import type { CasesContext } from '../context';
import {
  loadOrganizationSupport,
  providerTarget,
  targetScope,
} from '../peers/organization-support';
import { ResponseTargetArgs } from '../types/case-action.args';
import { ResponseTarget } from '../types/response-target.type';

@Resolver(() => ResponseTarget)
export class ResponseTargetResolver {
  @Query(() => ResponseTarget, {
    description:
      'The expected wait shown before submitting: the severity a case of this category would be ' +
      'assigned (from the impact, when given) and its initial response target if opened at ' +
      'openedAt (default now), under the same rules as openCase.',
  })
  async responseTarget(
    @Args(() => ResponseTargetArgs)
    { organizationId, category, severity, openedAt, impact }: ResponseTargetArgs,
    @Ctx() ctx: CasesContext,
  ): Promise<ResponseTarget> {
    requireUser(ctx.viewer);
    const support = await loadOrganizationSupport(ctx, organizationId);
    const { organization } = support;
    assertCan(ctx.viewer, 'cases:read', { id: organization.id, cloud: organization.cloud });
    await providerTarget(ctx, support, category, severity);
    // The portal asks for the business-impact statement that 21Vianet's A needs with the case.
    const assigned = openingSeverity(support, category, severity, impact, true);
    const scope = targetScope(support, category, assigned.columns.severity);
    const severityView = assignedSeverity(assigned, severity);
    const at = openedAt ?? ctx.now;
    return responseTargetView(assigned.target, scope, severityView, organization.timeZone, at);
  }
}
