import { Duration } from 'luxon';
import { Cloud, PlanFamily } from '../../../lib/domain/enums';
import { CaseCategory, Severity, SupportCalendar, TargetBasis } from './case-enums';
import { assertSeverityAllowed } from './severity-policy';
import { addCalendarTime, calendarZone, hoursPerDay } from './support-calendar';

// The initial response target of a case: the two tables of contract/README.md ("Support
// calendars and targets"), the calendar that counts it, the due instant and a plain description.
// Pure: callers pass what billing and accounts say about the organization.

export interface TargetScope {
  cloud: Cloud;
  /** From billing's support entitlement; null means pre-sales support only. */
  planFamily: PlanFamily | null;
  elevated: boolean;
  advancedSupportAgreement: boolean;
  category: CaseCategory;
  severity: Severity;
}

export interface ResponseTarget {
  /** ISO 8601 duration of calendar time; null when there is no commitment. */
  target: string | null;
  calendar: SupportCalendar;
}

const { ALWAYS, CN_SUPPORT_DAY, CN_BUSINESS_WEEK, LOCAL_BUSINESS_WEEK } = SupportCalendar;
const cell = (target: string | null, calendar: SupportCalendar): ResponseTarget => ({
  target,
  calendar,
});
type Row = Record<Severity, ResponseTarget>;

/** Global cloud, technical cases, by support level (001). */
const GLOBAL_TECHNICAL: Record<'BUSINESS' | 'ENTERPRISE_FRONTLINE' | 'ELEVATED', Row> = {
  BUSINESS: {
    A: cell('PT1H', ALWAYS),
    B: cell(null, LOCAL_BUSINESS_WEEK),
    C: cell(null, LOCAL_BUSINESS_WEEK),
  },
  ENTERPRISE_FRONTLINE: {
    A: cell('PT1H', ALWAYS),
    B: cell('PT24H', ALWAYS),
    C: cell(null, ALWAYS),
  },
  ELEVATED: { A: cell('PT1H', ALWAYS), B: cell('PT2H', ALWAYS), C: cell('PT4H', ALWAYS) },
};

/** Global billing and pre-sales: handled in local business hours, no commitment. */
const GLOBAL_OTHER = cell(null, LOCAL_BUSINESS_WEEK);

/** 21Vianet, technical cases, whatever the plan (000, 002). */
const CHINA_TECHNICAL: Row = {
  A: cell('PT1H', ALWAYS),
  B: cell('PT15H', CN_SUPPORT_DAY),
  C: cell('PT45H', CN_SUPPORT_DAY),
};

/** 21Vianet billing, subscription and pre-sales cases; severity A never reaches them. */
const CHINA_OTHER: Partial<Row> = {
  B: cell('PT9H', CN_BUSINESS_WEEK),
  C: cell('PT27H', CN_BUSINESS_WEEK),
};

function globalTechnicalRow(scope: TargetScope): Row | null {
  if (scope.planFamily === null) return null;
  if (scope.elevated) return GLOBAL_TECHNICAL.ELEVATED;
  return scope.planFamily === PlanFamily.BUSINESS
    ? GLOBAL_TECHNICAL.BUSINESS
    : GLOBAL_TECHNICAL.ENTERPRISE_FRONTLINE;
}

/**
 * The target and calendar for a case; throws SEVERITY_NOT_ALLOWED for a severity the case may
 * not have. A global organization without a plan (pre-sales only) gets the pre-sales target.
 */
export function responseTarget(scope: TargetScope): ResponseTarget {
  assertSeverityAllowed(scope, scope.severity);
  const technical = scope.category === CaseCategory.TECHNICAL;
  if (scope.cloud === Cloud.CHINA_21VIANET) {
    const found = (technical ? CHINA_TECHNICAL : CHINA_OTHER)[scope.severity];
    if (!found) throw new Error(`no 21Vianet target for ${scope.category} ${scope.severity}`);
    return found;
  }
  const row = technical ? globalTechnicalRow(scope) : null;
  return row ? row[scope.severity] : GLOBAL_OTHER;
}

export interface TargetSource {
  basis: TargetBasis;
  /** Where the target comes from, in a sentence a customer can read. */
  source: string;
}

const documented = (source: string): TargetSource => ({ basis: TargetBasis.DOCUMENTED, source });
const ours = (source: string): TargetSource => ({ basis: TargetBasis.OUR_POLICY, source });

/** Whose word a target is, per cloud and category (issue 12.4): a promise only where stated. */
const SOURCES: Record<Cloud, Record<CaseCategory, TargetSource>> = {
  [Cloud.GLOBAL]: {
    [CaseCategory.TECHNICAL]: documented(
      'Service description 001, "Technical support initial response times", by severity and plan.',
    ),
    [CaseCategory.BILLING_AND_SUBSCRIPTION]: documented(
      '001 and 000: billing and subscription support Monday to Friday in local business hours; ' +
        'no response time is stated.',
    ),
    [CaseCategory.PRE_SALES]: documented(
      '001: pre-sales support by phone in local business hours, Monday to Friday; no response ' +
        'time is stated.',
    ),
  },
  [Cloud.CHINA_21VIANET]: {
    [CaseCategory.TECHNICAL]: documented(
      '000 and 002, "Technical support initial response times": A within 1 hour, 24x7; B within ' +
        '1 business day and C within 3, handled 09:00-24:00 Beijing time every day.',
    ),
    [CaseCategory.BILLING_AND_SUBSCRIPTION]: ours(
      'Our policy: 21Vianet states billing support Monday to Friday in Beijing business hours ' +
        'but no response time; we count B and C as for technical cases, with the business day ' +
        'closing at 18:00.',
    ),
    [CaseCategory.PRE_SALES]: ours(
      'Our policy: 21Vianet states pre-sales support in business hours, Monday to Friday, but ' +
        'no response time; we count B and C as for billing, with the business day closing at 18:00.',
    ),
  },
};

/** 001 promises Enterprise and Frontline a B response the "next day": 24 hours is our reading. */
const NEXT_DAY = ours(
  'Our policy: 001 promises Enterprise and Frontline plans a severity B response the "next ' +
    'day"; we count that as 24 hours, every hour.',
);

const NO_PROMISE = documented('No response time is promised for this case.');

/**
 * Whose word the target of a case is. Without a commitment nothing is promised, so there is
 * nothing of ours to flag.
 */
export function targetSource(scope: TargetScope, committed: boolean): TargetSource {
  const found = SOURCES[scope.cloud][scope.category];
  if (!committed) return found.basis === TargetBasis.DOCUMENTED ? found : NO_PROMISE;
  const technical = scope.category === CaseCategory.TECHNICAL;
  const nextDay =
    scope.cloud === Cloud.GLOBAL &&
    technical &&
    scope.severity === Severity.B &&
    globalTechnicalRow(scope) === GLOBAL_TECHNICAL.ENTERPRISE_FRONTLINE;
  return nextDay ? NEXT_DAY : found;
}

/** When the first response is due, counted in the calendar's hours from `from`. */
export function responseDueAt(
  target: ResponseTarget,
  organizationZone: string,
  from: Date,
): Date | null {
  if (!target.target) return null;
  const zone = calendarZone(target.calendar, organizationZone);
  return addCalendarTime(target.calendar, zone, from, target.target);
}

const CALENDAR_WORDS: Record<SupportCalendar, (zone: string) => string> = {
  [ALWAYS]: () => '24x7',
  [CN_SUPPORT_DAY]: () => '09:00-24:00 Beijing time, every day of the year',
  [CN_BUSINESS_WEEK]: () => 'Monday to Friday, 09:00-18:00 Beijing time',
  [LOCAL_BUSINESS_WEEK]: (zone) => `Monday to Friday, 09:00-17:00 ${zone} time`,
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * "First response within 1 hour, 24x7", in the words the portal shows before submitting; a
 * target of our own says so rather than read as the provider's promise.
 */
export function describeTarget(
  target: ResponseTarget,
  organizationZone: string,
  basis: TargetBasis = TargetBasis.DOCUMENTED,
): string {
  const said = describeNumbers(target, organizationZone);
  if (basis === TargetBasis.DOCUMENTED) return said;
  return `Our target, not a provider commitment: ${said.charAt(0).toLowerCase()}${said.slice(1)}`;
}

function describeNumbers(target: ResponseTarget, organizationZone: string): string {
  const hours = CALENDAR_WORDS[target.calendar](organizationZone);
  if (!target.target) return `No guaranteed response time; handled ${hours}`;
  const counted = Duration.fromISO(target.target).as('hours');
  if (target.calendar === ALWAYS) {
    return `First response within ${plural(counted, 'hour')}, ${hours}`;
  }
  const days = counted / hoursPerDay(target.calendar);
  return Number.isInteger(days)
    ? `First response within ${plural(days, 'business day')} (${plural(counted, 'support hour')}, ${hours})`
    : `First response within ${plural(counted, 'support hour')} (${hours})`;
}

/** A calendar's hours in words: "09:00-24:00 Beijing time, every day of the year". */
export const describeHours = (calendar: SupportCalendar, organizationZone: string): string =>
  CALENDAR_WORDS[calendar](organizationZone);
