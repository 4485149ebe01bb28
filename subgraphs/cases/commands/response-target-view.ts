import type { Severity } from '../domain/case-enums';
import {
  describeTarget,
  type ResponseTarget as Rule,
  responseDueAt,
  type TargetScope,
  targetSource,
} from '../domain/response-target';
import { calendarZone } from '../domain/support-calendar';
import type { ResponseTarget } from '../types/response-target.type';
import type { OpeningSeverity } from './opening-severity';

/** Which severity a target is for, and who set it (issue 12.1). */
export type TargetSeverity = Pick<
  ResponseTarget,
  'severity' | 'requestedSeverity' | 'severityAssessed' | 'severitySource' | 'severityReason'
>;

/** What opening would assign for the requested severity, as the schema shows it. */
export const assignedSeverity = (
  { columns, assessed }: OpeningSeverity,
  requested: Severity,
): TargetSeverity => ({
  severity: columns.severity,
  requestedSeverity: requested,
  severityAssessed: assessed,
  severitySource: columns.severitySource,
  severityReason: columns.severityReason,
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
