import { randomUUID } from 'node:crypto';
import type { CasesContext } from '../context';
import { CaseEventKind, type Severity, SeveritySource } from '../domain/case-enums';
import { LIMITS, requiredText } from '../domain/case-input-rules';
import { assertNotClosed } from '../domain/case-lifecycle';
import { responseDueAt, responseTarget } from '../domain/response-target';
import { isAssessed } from '../domain/severity-assessment';
import { assertSeverityChange } from '../domain/severity-policy';
import { SeverityChange } from '../entities/severity-change.entity';
import type { SupportCase } from '../entities/support-case.entity';
import { loadOrganizationSupport, targetScope } from '../peers/organization-support';
import { mutateCase } from './case-mutation';
import { loadVisibleCase } from './visible-case';

/**
 * Support assesses a case's severity, up or down, with a reason, before or after the first
 * response; the change joins the severity history. The case takes the new severity's target:
 * before the first response of the cycle, dueAt is counted again from the cycle's start (the
 * opening, or the last reopening); after it the clock has stopped and stays as it is.
 */
export async function changeSeverity(
  ctx: CasesContext,
  caseId: string,
  severity: Severity,
  reason: string,
  lowerOnly = false,
): Promise<SupportCase> {
  const why = requiredText(reason, 'reason', LIMITS.reason);
  const current = await loadVisibleCase(ctx, caseId);
  const support = await loadOrganizationSupport(ctx, current.organizationId);
  return mutateCase(ctx, caseId, 'cases:respond', ({ em, kase, events, now, actor }) => {
    assertNotClosed(kase.status, 'change its severity');
    assertSeverityChange({
      scope: targetScope(support, kase.category, severity),
      current: kase.severity,
      assessed: isAssessed(kase.severitySource),
      to: severity,
      hasBusinessImpact: Boolean(kase.businessImpact),
      lowerOnly,
    });
    const target = responseTarget(targetScope(support, kase.category, severity));
    const before = {
      severity: kase.severity,
      severitySource: kase.severitySource,
      dueAt: kase.dueAt ?? null,
    };
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
    kase.severitySource = SeveritySource.SUPPORT_ENGINEER;
    kase.severityReason = why;
    kase.responseTarget = target.target;
    kase.responseCalendar = target.calendar;
    kase.organizationTimeZone = support.organization.timeZone;
    if (!kase.respondedAt) {
      kase.dueAt = responseDueAt(target, kase.organizationTimeZone, kase.cycleStartedAt);
    }
    events.add(CaseEventKind.SEVERITY_CHANGED, before, {
      severity,
      severitySource: kase.severitySource,
      dueAt: kase.dueAt ?? null,
      reason: why,
    });
  });
}

/** The contract's LowerSeverity: the same assessment, downwards only. */
export const lowerSeverity = (
  ctx: CasesContext,
  caseId: string,
  severity: Severity,
  reason: string,
): Promise<SupportCase> => changeSeverity(ctx, caseId, severity, reason, true);
