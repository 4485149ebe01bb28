import { Ctx, FieldResolver, Int, Resolver } from 'type-graphql';
import { Parent } from '../../../lib/graphql/parent';
import type { CasesContext } from '../context';
import { CaseConnection } from '../types/case-connection.type';

@Resolver(() => CaseConnection)
export class CaseConnectionResolver {
  @FieldResolver(() => Int, { description: 'Cases matching the filter, across all pages.' })
  totalCount(@Parent() connection: CaseConnection, @Ctx() ctx: CasesContext): Promise<number> {
    return ctx.loaders.caseCount.load({
      organizationId: connection.organizationId,
      open: connection.open,
    });
  }
}
