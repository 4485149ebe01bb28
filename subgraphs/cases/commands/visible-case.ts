import { assertCan } from '../../../lib/access/policy';
import { NotFoundError } from '../../../lib/errors/domain-errors';
import { parseId } from '../../../lib/graphql/ids';
import type { CasesContext } from '../context';
import type { SupportCase } from '../entities/support-case.entity';
import { scopeOf } from './case-mutation';

/** Loads a case the viewer may read, or refuses (NOT_FOUND when it does not exist). */
export async function loadVisibleCase(ctx: CasesContext, id: string): Promise<SupportCase> {
  const kase = await ctx.loaders.caseById.load(parseId(id, 'id'));
  if (!kase) throw new NotFoundError('Case', id);
  assertCan(ctx.viewer, 'cases:read', scopeOf(kase));
  return kase;
}
