import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Directive, FieldResolver, Info, Resolver } from 'type-graphql';
import { assertCan } from '../../../lib/access/policy';
import { Parent } from '../../../lib/graphql/parent';
import type { CasesContext } from '../context';
import { loadCaseList } from '../loaders/case-list';
import { CaseConnection } from '../types/case-connection.type';
import { CasesArgs } from '../types/cases.args';
import { Organization } from '../types/organization.type';

@Resolver(() => Organization)
export class OrganizationCasesResolver {
  // The gateway fetches the cloud from accounts first: support engineers' access is per cloud.
  @Directive('@requires(fields: "cloud")')
  @FieldResolver(() => CaseConnection, {
    nullable: true,
    description:
      'Service requests, newest first; null with FORBIDDEN for viewers without the right to see them.',
  })
  async cases(
    @Parent() organization: Organization,
    @Args(() => CasesArgs) args: CasesArgs,
    @Ctx() ctx: CasesContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<CaseConnection> {
    assertCan(ctx.viewer, 'cases:read', { id: organization.id, cloud: organization.cloud ?? null });
    return loadCaseList(organization.id, args, ctx, info);
  }
}
