import { DateTime } from 'luxon';
import type { Cloud, PlanFamily } from '../../../lib/domain/enums';
import { CaseCategory, Severity, SupportCalendar } from './case-enums';
import {
  describeHours,
  describeTarget,
  type ResponseTarget,
  responseDueAt,
  responseTarget,
} from './response-target';
import { severityRefusal } from './severity-policy';
import { BEIJING, calendarZone, nextOpening } from './support-calendar';
import { type ChannelFacts, channelsOf } from './support-channels';

// What the portal tells an organization before it asks (000, 002: channels, hours, languages,
// the expected wait shown before submitting). Pure: the caller passes what accounts and billing
// say, and the instant. Targets and calendars are response-target.ts's and support-calendar.ts's.

export interface OptionsScope {
  cloud: Cloud;
  timeZone: string;
  planFamily: PlanFamily | null;
  elevated: boolean;
  advancedSupportAgreement: boolean;
}

export interface HoursOption {
  severities: Severity[];
  calendar: SupportCalendar;
  timeZone: string;
  description: string;
}

export interface WaitOption {
  severity: Severity;
  rule: ResponseTarget;
  handlingNow: boolean;
  nextWindowOpensAt: Date;
  dueAt: Date | null;
  description: string;
}

export interface CategoryOption extends ChannelFacts {
  category: CaseCategory;
  /** False when the organization cannot open this category yet (technical without a plan). */
  available: boolean;
  hours: HoursOption[];
  expectedWait: WaitOption[];
}

const CATEGORIES = [
  CaseCategory.TECHNICAL,
  CaseCategory.BILLING_AND_SUBSCRIPTION,
  CaseCategory.PRE_SALES,
];
const SEVERITIES = [Severity.A, Severity.B, Severity.C];

const zoneWords = (zone: string) => (zone === BEIJING ? 'Beijing time' : `${zone} time`);

/** "Next response window opens Monday 09:00 Beijing time", or that it is open now. */
export function expectedWait(
  severity: Severity,
  rule: ResponseTarget,
  organizationZone: string,
  now: Date,
): WaitOption {
  const zone = calendarZone(rule.calendar, organizationZone);
  const opens = nextOpening(rule.calendar, zone, now);
  const handlingNow = opens.getTime() <= now.getTime();
  const when = DateTime.fromJSDate(opens, { zone }).toFormat('cccc HH:mm');
  const lead = handlingNow
    ? 'Support is working now'
    : `Next response window opens ${when} ${zoneWords(zone)}`;
  return {
    severity,
    rule,
    handlingNow,
    nextWindowOpensAt: opens,
    dueAt: responseDueAt(rule, organizationZone, now),
    description: `${lead}. ${describeTarget(rule, organizationZone)}.`,
  };
}

function hoursOf(rules: [Severity, ResponseTarget][], organizationZone: string): HoursOption[] {
  const byCalendar = new Map<SupportCalendar, Severity[]>();
  for (const [severity, rule] of rules) {
    byCalendar.set(rule.calendar, [...(byCalendar.get(rule.calendar) ?? []), severity]);
  }
  return [...byCalendar].map(([calendar, severities]) => ({
    severities,
    calendar,
    timeZone: calendarZone(calendar, organizationZone),
    description: describeHours(calendar, organizationZone),
  }));
}

export function categoryOption(
  scope: OptionsScope,
  category: CaseCategory,
  now: Date,
): CategoryOption {
  const available = !(scope.planFamily === null && category === CaseCategory.TECHNICAL);
  const severityScope = { ...scope, category };
  const rules = SEVERITIES.filter((s) => severityRefusal(severityScope, s) === null).map(
    (severity) =>
      [severity, responseTarget({ ...severityScope, severity })] as [Severity, ResponseTarget],
  );
  return {
    category,
    available,
    ...channelsOf(scope.cloud, category),
    hours: hoursOf(rules, scope.timeZone),
    expectedWait: available
      ? rules.map(([severity, rule]) => expectedWait(severity, rule, scope.timeZone, now))
      : [],
  };
}

/** Every category the provider supports, in the documents' order. */
export const categoryOptions = (scope: OptionsScope, now: Date): CategoryOption[] =>
  CATEGORIES.map((category) => categoryOption(scope, category, now));
