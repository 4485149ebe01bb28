import { describe, expect, it } from 'vitest';
import { Cloud, PlanFamily } from '../../../lib/domain/enums';
import {
  CaseCategory,
  Severity,
  SupportCalendar,
} from '../../../subgraphs/cases/domain/case-enums';
import { responseTarget } from '../../../subgraphs/cases/domain/response-target';
import { nextOpening } from '../../../subgraphs/cases/domain/support-calendar';
import { VIANET_PHONE } from '../../../subgraphs/cases/domain/support-channels';
import {
  categoryOption,
  categoryOptions,
  expectedWait,
  type OptionsScope,
} from '../../../subgraphs/cases/domain/support-options';

// What the portal says before a case is opened (issue 12.8). Instants are written by hand with
// their offset: 2026-03-04 is a Wednesday, 2026-03-07 a Saturday, 2026-03-09 a Monday.

const { ALWAYS, CN_SUPPORT_DAY, CN_BUSINESS_WEEK, LOCAL_BUSINESS_WEEK } = SupportCalendar;
const { TECHNICAL, BILLING_AND_SUBSCRIPTION, PRE_SALES } = CaseCategory;
const { A, B, C } = Severity;
const BEIJING = 'Asia/Shanghai';
const at = (iso: string) => new Date(iso);

const northwind: OptionsScope = {
  cloud: Cloud.CHINA_21VIANET,
  timeZone: BEIJING,
  planFamily: PlanFamily.ENTERPRISE,
  elevated: false,
  advancedSupportAgreement: true,
};
const contoso: OptionsScope = {
  cloud: Cloud.GLOBAL,
  timeZone: 'America/Los_Angeles',
  planFamily: PlanFamily.BUSINESS,
  elevated: false,
  advancedSupportAgreement: false,
};

describe('nextOpening', () => {
  it.each([
    [
      'Saturday, business week',
      CN_BUSINESS_WEEK,
      '2026-03-07T10:00:00+08:00',
      '2026-03-09T09:00:00+08:00',
    ],
    ['Wednesday, open', CN_BUSINESS_WEEK, '2026-03-04T10:00:00+08:00', '2026-03-04T10:00:00+08:00'],
    [
      'Friday at closing',
      CN_BUSINESS_WEEK,
      '2026-03-06T18:00:00+08:00',
      '2026-03-09T09:00:00+08:00',
    ],
    [
      '02:00 on the support day',
      CN_SUPPORT_DAY,
      '2026-03-07T02:00:00+08:00',
      '2026-03-07T09:00:00+08:00',
    ],
    ['always open', ALWAYS, '2026-03-07T02:00:00+08:00', '2026-03-07T02:00:00+08:00'],
  ] as const)('%s', (_name, calendar, from, expected) => {
    expect(nextOpening(calendar, BEIJING, at(from)).toISOString()).toBe(at(expected).toISOString());
  });
});

describe('expectedWait', () => {
  it('says when the next window opens, in the calendar’s zone', () => {
    const rule = responseTarget({ ...northwind, category: BILLING_AND_SUBSCRIPTION, severity: B });
    const wait = expectedWait(B, rule, BEIJING, at('2026-03-07T10:00:00+08:00'));
    expect(wait).toMatchObject({ handlingNow: false, severity: B });
    expect(wait.nextWindowOpensAt.toISOString()).toBe('2026-03-09T01:00:00.000Z');
    expect(wait.description).toBe(
      'Next response window opens Monday 09:00 Beijing time. First response within 1 business ' +
        'day (9 support hours, Monday to Friday, 09:00-18:00 Beijing time).',
    );
    expect(wait.dueAt?.toISOString()).toBe('2026-03-09T10:00:00.000Z');
  });

  it('says support is working while the window is open', () => {
    const rule = responseTarget({ ...northwind, category: TECHNICAL, severity: A });
    const wait = expectedWait(A, rule, BEIJING, at('2026-03-07T03:00:00+08:00'));
    expect(wait.handlingNow).toBe(true);
    expect(wait.description).toBe('Support is working now. First response within 1 hour, 24x7.');
  });

  it("counts a Business customer's window in its own zone", () => {
    const rule = responseTarget({ ...contoso, category: TECHNICAL, severity: B });
    // Saturday 10:00 in Los Angeles.
    const wait = expectedWait(B, rule, contoso.timeZone, at('2026-03-07T10:00:00-08:00'));
    expect(wait.description).toBe(
      'Next response window opens Monday 09:00 America/Los_Angeles time. No guaranteed response ' +
        'time; handled Monday to Friday, 09:00-17:00 America/Los_Angeles time.',
    );
    expect(wait.dueAt).toBeNull();
  });
});

describe('categoryOption', () => {
  const now = at('2026-03-04T10:00:00+08:00');

  it('gives every 21Vianet category the documented number', () => {
    for (const option of categoryOptions(northwind, now)) {
      expect(option.phoneNumber).toBe(VIANET_PHONE);
      expect(option.channels).toContain('PHONE');
    }
  });

  it('lists severity A only where it exists: technical, with the advanced agreement', () => {
    const severities = (scope: OptionsScope, category: CaseCategory) =>
      categoryOption(scope, category, now).expectedWait.map((w) => w.severity);
    expect(severities(northwind, TECHNICAL)).toEqual([A, B, C]);
    expect(severities({ ...northwind, advancedSupportAgreement: false }, TECHNICAL)).toEqual([
      B,
      C,
    ]);
    expect(severities(northwind, BILLING_AND_SUBSCRIPTION)).toEqual([B, C]);
    expect(severities(contoso, PRE_SALES)).toEqual([B, C]);
  });

  it('groups the hours by calendar, per severity', () => {
    expect(categoryOption(contoso, TECHNICAL, now).hours).toEqual([
      { severities: [A], calendar: ALWAYS, timeZone: 'UTC', description: '24x7' },
      {
        severities: [B, C],
        calendar: LOCAL_BUSINESS_WEEK,
        timeZone: 'America/Los_Angeles',
        description: 'Monday to Friday, 09:00-17:00 America/Los_Angeles time',
      },
    ]);
    expect(categoryOption(northwind, BILLING_AND_SUBSCRIPTION, now).hours).toEqual([
      {
        severities: [B, C],
        calendar: CN_BUSINESS_WEEK,
        timeZone: BEIJING,
        description: 'Monday to Friday, 09:00-18:00 Beijing time',
      },
    ]);
  });

  it('offers no technical wait to an organization without a plan', () => {
    const option = categoryOption({ ...contoso, planFamily: null }, TECHNICAL, now);
    expect(option).toMatchObject({ available: false, expectedWait: [] });
    expect(categoryOption({ ...contoso, planFamily: null }, PRE_SALES, now).available).toBe(true);
  });

  it('prints no global phone number the documents do not give, but says where to find it', () => {
    const option = categoryOption(contoso, BILLING_AND_SUBSCRIPTION, now);
    expect(option.phoneNumber).toBeNull();
    expect(option.phoneNote).toMatch(/09:00 to 17:00 local time/);
    expect(option.languages).toMatch(/English/);
  });
});
