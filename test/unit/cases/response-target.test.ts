import { describe, expect, it } from 'vitest';
import { Cloud, PlanFamily } from '../../../lib/domain/enums';
import { SeverityNotAllowedError } from '../../../lib/errors/domain-errors';
import {
  CaseCategory,
  Severity,
  SupportCalendar,
  TargetBasis,
} from '../../../subgraphs/cases/domain/case-enums';
import {
  describeTarget,
  responseDueAt,
  responseTarget,
  type TargetScope,
  targetSource,
} from '../../../subgraphs/cases/domain/response-target';

// Every cell of the contract's two target tables (contract/README.md, "Support calendars and
// targets"), then what the clock and the description make of them.

const { GLOBAL, CHINA_21VIANET } = Cloud;
const { BUSINESS, ENTERPRISE, FRONTLINE } = PlanFamily;
const { TECHNICAL, PRE_SALES, BILLING_AND_SUBSCRIPTION } = CaseCategory;
const { A, B, C } = Severity;
const { ALWAYS, CN_SUPPORT_DAY, CN_BUSINESS_WEEK, LOCAL_BUSINESS_WEEK } = SupportCalendar;

const scope = (overrides: Partial<TargetScope>): TargetScope => ({
  cloud: GLOBAL,
  planFamily: ENTERPRISE,
  elevated: false,
  advancedSupportAgreement: false,
  category: TECHNICAL,
  severity: B,
  ...overrides,
});

type Cell = [string, Partial<TargetScope>, string | null, SupportCalendar];

const globalTable: Cell[] = [
  ['Business A', { planFamily: BUSINESS, severity: A }, 'PT1H', ALWAYS],
  ['Business B', { planFamily: BUSINESS, severity: B }, null, LOCAL_BUSINESS_WEEK],
  ['Business C', { planFamily: BUSINESS, severity: C }, null, LOCAL_BUSINESS_WEEK],
  ['Enterprise A', { planFamily: ENTERPRISE, severity: A }, 'PT1H', ALWAYS],
  ['Enterprise B', { planFamily: ENTERPRISE, severity: B }, 'PT24H', ALWAYS],
  ['Enterprise C', { planFamily: ENTERPRISE, severity: C }, null, ALWAYS],
  ['Frontline A', { planFamily: FRONTLINE, severity: A }, 'PT1H', ALWAYS],
  ['Frontline B', { planFamily: FRONTLINE, severity: B }, 'PT24H', ALWAYS],
  ['Frontline C', { planFamily: FRONTLINE, severity: C }, null, ALWAYS],
  ['elevated A', { elevated: true, severity: A }, 'PT1H', ALWAYS],
  ['elevated B', { elevated: true, severity: B }, 'PT2H', ALWAYS],
  ['elevated C', { elevated: true, severity: C }, 'PT4H', ALWAYS],
  ['elevated on Business C', { planFamily: BUSINESS, elevated: true, severity: C }, 'PT4H', ALWAYS],
  ['billing B', { category: BILLING_AND_SUBSCRIPTION, severity: B }, null, LOCAL_BUSINESS_WEEK],
  [
    'billing C, elevated',
    { category: BILLING_AND_SUBSCRIPTION, severity: C, elevated: true },
    null,
    LOCAL_BUSINESS_WEEK,
  ],
  ['pre-sales B', { category: PRE_SALES, severity: B }, null, LOCAL_BUSINESS_WEEK],
  [
    'pre-sales C, no plan',
    { category: PRE_SALES, severity: C, planFamily: null },
    null,
    LOCAL_BUSINESS_WEEK,
  ],
  [
    'technical without a plan (pre-sales only)',
    { planFamily: null, severity: B },
    null,
    LOCAL_BUSINESS_WEEK,
  ],
];

const chinaTable: Cell[] = [
  [
    'technical A with the agreement',
    { advancedSupportAgreement: true, severity: A },
    'PT1H',
    ALWAYS,
  ],
  ['technical B', { severity: B }, 'PT15H', CN_SUPPORT_DAY],
  ['technical C', { severity: C }, 'PT45H', CN_SUPPORT_DAY],
  ['technical B, Business plan', { planFamily: BUSINESS, severity: B }, 'PT15H', CN_SUPPORT_DAY],
  ['technical C, elevated', { elevated: true, severity: C }, 'PT45H', CN_SUPPORT_DAY],
  ['billing B', { category: BILLING_AND_SUBSCRIPTION, severity: B }, 'PT9H', CN_BUSINESS_WEEK],
  ['billing C', { category: BILLING_AND_SUBSCRIPTION, severity: C }, 'PT27H', CN_BUSINESS_WEEK],
  ['pre-sales B', { category: PRE_SALES, severity: B }, 'PT9H', CN_BUSINESS_WEEK],
  [
    'pre-sales C',
    { category: PRE_SALES, severity: C, planFamily: null },
    'PT27H',
    CN_BUSINESS_WEEK,
  ],
];

describe('global cloud targets', () => {
  it.each(globalTable)('%s', (_label, overrides, target, calendar) => {
    expect(responseTarget(scope({ cloud: GLOBAL, ...overrides }))).toEqual({ target, calendar });
  });
});

describe('21Vianet targets', () => {
  it.each(chinaTable)('%s', (_label, overrides, target, calendar) => {
    expect(responseTarget(scope({ cloud: CHINA_21VIANET, ...overrides }))).toEqual({
      target,
      calendar,
    });
  });
});

describe('severities that do not exist for the case', () => {
  it.each([
    ['21Vianet A without the agreement', { cloud: CHINA_21VIANET, severity: A }],
    [
      '21Vianet billing A, even with the agreement',
      {
        cloud: CHINA_21VIANET,
        advancedSupportAgreement: true,
        category: BILLING_AND_SUBSCRIPTION,
        severity: A,
      },
    ],
    [
      '21Vianet pre-sales A',
      { cloud: CHINA_21VIANET, advancedSupportAgreement: true, category: PRE_SALES, severity: A },
    ],
    ['global billing A', { category: BILLING_AND_SUBSCRIPTION, severity: A, elevated: true }],
    ['global pre-sales A', { category: PRE_SALES, severity: A }],
  ] as [string, Partial<TargetScope>][])('%s is SEVERITY_NOT_ALLOWED', (_label, overrides) => {
    expect(() => responseTarget(scope(overrides))).toThrow(SeverityNotAllowedError);
  });
});

describe('due instants and descriptions', () => {
  const openedAt = new Date('2026-03-06T22:00:00+08:00'); // a Friday night in Beijing

  it.each([
    ['PT1H', ALWAYS, 'Europe/Berlin', '2026-03-06T15:00:00Z', 'First response within 1 hour, 24x7'],
    [
      'PT24H',
      ALWAYS,
      'Europe/Berlin',
      '2026-03-07T14:00:00Z',
      'First response within 24 hours, 24x7',
    ],
    [
      'PT15H',
      CN_SUPPORT_DAY,
      'Asia/Shanghai',
      '2026-03-07T14:00:00Z',
      'First response within 1 business day (15 support hours, 09:00-24:00 Beijing time, every day of the year)',
    ],
    [
      'PT45H',
      CN_SUPPORT_DAY,
      'Asia/Shanghai',
      '2026-03-09T14:00:00Z',
      'First response within 3 business days (45 support hours, 09:00-24:00 Beijing time, every day of the year)',
    ],
    [
      'PT9H',
      CN_BUSINESS_WEEK,
      'Asia/Shanghai',
      '2026-03-09T10:00:00Z',
      'First response within 1 business day (9 support hours, Monday to Friday, 09:00-18:00 Beijing time)',
    ],
    [
      'PT27H',
      CN_BUSINESS_WEEK,
      'Asia/Shanghai',
      '2026-03-11T10:00:00Z',
      'First response within 3 business days (27 support hours, Monday to Friday, 09:00-18:00 Beijing time)',
    ],
  ] as const)('%s on %s counted in %s', (target, calendar, zone, due, description) => {
    const rule = { target, calendar };
    expect(responseDueAt(rule, zone, openedAt)?.toISOString()).toBe(new Date(due).toISOString());
    expect(describeTarget(rule, zone)).toBe(description);
  });

  it('has no due instant without a commitment, but still says which hours apply', () => {
    const rule = { target: null, calendar: LOCAL_BUSINESS_WEEK };
    expect(responseDueAt(rule, 'America/Los_Angeles', openedAt)).toBeNull();
    expect(describeTarget(rule, 'America/Los_Angeles')).toBe(
      'No guaranteed response time; handled Monday to Friday, 09:00-17:00 America/Los_Angeles time',
    );
    expect(describeTarget({ target: null, calendar: ALWAYS }, 'Europe/Berlin')).toBe(
      'No guaranteed response time; handled 24x7',
    );
  });

  it("counts a local business week in the organization's own zone", () => {
    const rule = { target: 'PT2H', calendar: LOCAL_BUSINESS_WEEK };
    // Friday 15:00 in Berlin is Friday 06:00 in Los Angeles.
    const friday = new Date('2026-03-06T14:00:00Z');
    expect(responseDueAt(rule, 'Europe/Berlin', friday)?.toISOString()).toBe(
      '2026-03-06T16:00:00.000Z',
    );
    expect(responseDueAt(rule, 'America/Los_Angeles', friday)?.toISOString()).toBe(
      '2026-03-06T19:00:00.000Z',
    );
  });
});

describe('whose word a target is (issue 12.4)', () => {
  const { DOCUMENTED, OUR_POLICY } = TargetBasis;

  it.each([
    ['global technical A', {}, A, DOCUMENTED, '001'],
    ['global Enterprise B, 24 hours for "next day"', {}, B, OUR_POLICY, '"next day"'],
    ['global Frontline B', { planFamily: FRONTLINE }, B, OUR_POLICY, '"next day"'],
    ['global elevated B', { elevated: true }, B, DOCUMENTED, '001'],
    ['global Business B', { planFamily: BUSINESS }, B, DOCUMENTED, '001'],
    ['global Enterprise C', {}, C, DOCUMENTED, '001'],
    ['global billing', { category: BILLING_AND_SUBSCRIPTION }, B, DOCUMENTED, 'no response time'],
    ['global pre-sales', { category: PRE_SALES }, C, DOCUMENTED, 'no response time'],
    ['21Vianet technical', { cloud: CHINA_21VIANET }, B, DOCUMENTED, '1 business day'],
    [
      '21Vianet billing',
      { cloud: CHINA_21VIANET, category: BILLING_AND_SUBSCRIPTION },
      B,
      OUR_POLICY,
      'closing at 18:00',
    ],
    [
      '21Vianet pre-sales',
      { cloud: CHINA_21VIANET, category: PRE_SALES },
      C,
      OUR_POLICY,
      'no response time',
    ],
  ] as [string, Partial<TargetScope>, Severity, TargetBasis, string][])(
    '%s',
    (_label, overrides, severity, basis, words) => {
      const cell = scope({ ...overrides, severity });
      const found = targetSource(cell, responseTarget(cell).target !== null);
      expect(found.basis).toBe(basis);
      expect(found.source).toContain(words);
    },
  );

  it('says a target of our own is not the provider commitment', () => {
    const rule = { target: 'PT9H', calendar: CN_BUSINESS_WEEK };
    expect(describeTarget(rule, 'Asia/Shanghai', TargetBasis.OUR_POLICY)).toBe(
      'Our target, not a provider commitment: first response within 1 business day ' +
        '(9 support hours, Monday to Friday, 09:00-18:00 Beijing time)',
    );
  });
});
