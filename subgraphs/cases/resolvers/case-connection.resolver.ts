import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { CasesContext } from '../context';
import { CaseConnection } from '../types/case-connection.type';

@Resolver(() => CaseConnection)
export class CaseConnectionResolver {
  @FieldResolver(() => Int, { description: 'Cases matching the filter, across all pages.' })
  totalCount(@Root() connection: CaseConnection, @Ctx() ctx: CasesContext): Promise<number> {
    return ctx.loaders.caseCount.load({
      organizationId: connection.organizationId,
      open: connection.open,
    });
  }
}
