import { supportCloudOf } from '../../../lib/access/policy';
import { BadUserInputError } from '../../../lib/errors/domain-errors';
import type { CasesContext } from '../context';
import { CaseStatus } from '../domain/case-enums';
import { SupportCase } from '../entities/support-case.entity';

export const QUEUE_MAX = 100;

/**
 * The open cases of the engineer's cloud, nearest to breach first: those still waiting for a
 * first response by due time (overdue ones first), then the rest (answered, or without a
 * commitment) oldest first.
 */
export async function loadSupportQueue(ctx: CasesContext, first: number): Promise<SupportCase[]> {
  const cloud = supportCloudOf(ctx.viewer);
  if (!Number.isInteger(first) || first < 1 || first > QUEUE_MAX) {
    throw new BadUserInputError(`first must be between 1 and ${QUEUE_MAX}; got ${first}.`, 'first');
  }
  const open = { cloud, status: { $ne: CaseStatus.CLOSED } };
  const waiting = await ctx.em.find(
    SupportCase,
    { ...open, respondedAt: null, dueAt: { $ne: null } },
    { orderBy: { dueAt: 'asc', id: 'asc' }, limit: first },
  );
  if (waiting.length === first) return waiting;
  const rest = await ctx.em.find(
    SupportCase,
    { ...open, $or: [{ respondedAt: { $ne: null } }, { dueAt: null }] },
    { orderBy: { openedAt: 'asc', id: 'asc' }, limit: first - waiting.length },
  );
  return [...waiting, ...rest];
}
