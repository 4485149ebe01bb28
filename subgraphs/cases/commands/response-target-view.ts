import type { Severity } from '../domain/case-enums';
import {
  describeTarget,
  type ResponseTarget as Rule,
  responseDueAt,
} from '../domain/response-target';
import { calendarZone } from '../domain/support-calendar';
import type { ResponseTarget } from '../types/response-target.type';

/** A target rule as the schema's ResponseTarget, for a case opened at `openedAt`. */
export function responseTargetView(
  rule: Rule,
  severity: Severity,
  organizationZone: string,
  openedAt: Date,
): ResponseTarget {
  return {
    severity,
    committed: rule.target !== null,
    target: rule.target,
    calendar: rule.calendar,
    timeZone: calendarZone(rule.calendar, organizationZone),
    dueAt: responseDueAt(rule, organizationZone, openedAt),
    description: describeTarget(rule, organizationZone),
  };
}
