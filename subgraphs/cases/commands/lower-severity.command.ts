import { randomUUID } from 'node:crypto';
import { BadUserInputError } from '../../../lib/errors/domain-errors';
import type { CasesContext } from '../context';
import { CaseEventKind, type Severity } from '../domain/case-enums';
import { LIMITS, requiredText } from '../domain/case-input-rules';
import { assertNotClosed } from '../domain/case-lifecycle';
import { responseDueAt, responseTarget } from '../domain/response-target';
import { isLowerSeverity } from '../domain/severity-policy';
import { SeverityChange } from '../entities/severity-change.entity';
import type { SupportCase } from '../entities/support-case.entity';
import { mutateCase } from './case-mutation';
import { caseTargetScope } from './case-target-scope';
import { loadVisibleCase } from './visible-case';

/**
 * Support lowers a severity (e.g. when the customer does not cooperate), with a reason. The case
 * takes the new severity's target; before the first response of the cycle, dueAt is counted again
 * from the cycle's start, after it the clock has already stopped and stays as it is.
 */
export async function lowerSeverity(
  ctx: CasesContext,
  caseId: string,
  severity: Severity,
  reason: string,
): Promise<SupportCase> {
  const why = requiredText(reason, 'reason', LIMITS.reason);
  const current = await loadVisibleCase(ctx, caseId);
  const { scope, timeZone } = await caseTargetScope(ctx, current, severity);
  return mutateCase(ctx, caseId, 'cases:respond', ({ em, kase, events, now, actor }) => {
    assertNotClosed(kase.status, 'change its severity');
    if (!isLowerSeverity(kase.severity, severity)) {
      throw new BadUserInputError(
        `The case is severity ${kase.severity}: it can only be lowered (A, then B, then C).`,
        'severity',
      );
    }
    const target = responseTarget(scope);
    const before = { severity: kase.severity, dueAt: kase.dueAt ?? null };
    em.create(SeverityChange, {
      id: `sev-${randomUUID()}`,
      caseId: kase.id,
      from: kase.severity,
      to: severity,
      reason: why,
      at: now,
      changedById: actor.id,
    });
    kase.severity = severity;
    kase.responseTarget = target.target;
    kase.responseCalendar = target.calendar;
    kase.organizationTimeZone = timeZone;
    if (!kase.respondedAt) {
      kase.dueAt = responseDueAt(target, kase.organizationTimeZone, kase.cycleStartedAt);
    }
    events.add(CaseEventKind.SEVERITY_CHANGED, before, {
      severity,
      dueAt: kase.dueAt ?? null,
      reason: why,
    });
  });
}
