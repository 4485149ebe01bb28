import { InvalidTransitionError } from '../../../lib/errors/domain-errors';
import type { CasesContext } from '../context';
import { CaseEventKind } from '../domain/case-enums';
import { LIMITS, requiredText } from '../domain/case-input-rules';
import type { SupportCase } from '../entities/support-case.entity';
import { mutateCase } from './case-mutation';

/**
 * Support judges a partner's escalation appropriate or not, with a reason (003). A later
 * judgement replaces the earlier one; the event log keeps both.
 */
export function judgeEscalation(
  ctx: CasesContext,
  caseId: string,
  appropriate: boolean,
  reason: string,
): Promise<SupportCase> {
  const why = requiredText(reason, 'reason', LIMITS.reason);
  return mutateCase(ctx, caseId, 'cases:respond', ({ kase, events, now, actor }) => {
    if (!kase.escalated) {
      throw new InvalidTransitionError('The case was not escalated: there is nothing to judge.');
    }
    const before = {
      appropriate: kase.escalationAppropriate ?? null,
      reason: kase.escalationJudgementReason ?? null,
    };
    kase.escalationAppropriate = appropriate;
    kase.escalationJudgementReason = why;
    kase.escalationJudgedAt = now;
    kase.escalationJudgedById = actor.id;
    events.add(CaseEventKind.ESCALATION_JUDGED, before, {
      appropriate,
      reason: why,
      partnerId: kase.onBehalfOfPartnerId ?? null,
    });
  });
}
