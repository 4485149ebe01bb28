import { type Severity, SeveritySource } from '../domain/case-enums';
import {
  describeTarget,
  type ResponseTarget as Rule,
  responseDueAt,
  type TargetScope,
  targetSource,
} from '../domain/response-target';
import { calendarZone } from '../domain/support-calendar';
import type { ResponseTarget } from '../types/response-target.type';

/** Which severity a target is for, and who set it (issue 12.1). */
export type TargetSeverity = Pick<
  ResponseTarget,
  'severity' | 'requestedSeverity' | 'severityAssessed' | 'severitySource' | 'severityReason'
>;

/** A severity as asked, before support has assessed it. */
export const requestedSeverity = (severity: Severity): TargetSeverity => ({
  severity,
  requestedSeverity: severity,
  severityAssessed: false,
  severitySource: SeveritySource.REQUESTED,
  severityReason: 'As asked; support assesses the severity when the case is opened.',
});

/**
 * A target rule as the schema's ResponseTarget, for a case opened at `openedAt`: whose word the
 * target is (issue 12.4) follows from the rules that chose it.
 */
export function responseTargetView(
  rule: Rule,
  scope: TargetScope,
  severity: TargetSeverity,
  organizationZone: string,
  openedAt: Date,
): ResponseTarget {
  const committed = rule.target !== null;
  const { basis, source } = targetSource(scope, committed);
  return {
    ...severity,
    basis,
    source,
    committed,
    target: rule.target,
    calendar: rule.calendar,
    timeZone: calendarZone(rule.calendar, organizationZone),
    dueAt: responseDueAt(rule, organizationZone, openedAt),
    description: describeTarget(rule, organizationZone, basis),
  };
}
