import type { GraphQLResolveInfo } from 'graphql';
import type { CasesContext } from '../context';
import type { CaseConnection } from '../types/case-connection.type';
import { type CasesArgs, DEFAULT_PAGE_SIZE } from '../types/cases.args';
import { caseListColumns } from './case-columns';
import { casePageKey } from './case-page-args';

/**
 * One owner's page of cases (an organization's cases, a partner's own requests) as the client
 * asked for it: validated arguments, only the selected columns, through the batched page loader.
 */
export async function loadCaseList(
  ownerId: string,
  { first, after, filter }: CasesArgs,
  ctx: CasesContext,
  info: GraphQLResolveInfo,
): Promise<CaseConnection> {
  const key = casePageKey(
    ownerId,
    { first: first ?? DEFAULT_PAGE_SIZE, after, open: filter?.open },
    caseListColumns(info, ctx.em),
  );
  const page = await ctx.loaders.casesPage.load(key);
  return { ...page, organizationId: ownerId, open: key.open };
}
