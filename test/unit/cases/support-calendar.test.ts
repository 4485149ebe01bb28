import { describe, expect, it } from 'vitest';
import { SupportCalendar } from '../../../subgraphs/cases/domain/case-enums';
import {
  addCalendarTime,
  calendarZone,
  hoursPerDay,
} from '../../../subgraphs/cases/domain/support-calendar';

// Expected instants are written by hand with their local offset, never computed with Luxon, so
// these tests can disagree with the implementation. 2026-03-04 is a Wednesday, 2026-03-06 a
// Friday, 2026-03-08 a Sunday (US daylight saving starts), 2026-03-29 and 2026-10-25 are the
// Sundays of Europe's changes, 2026-11-01 ends US daylight saving.

const { ALWAYS, CN_SUPPORT_DAY, CN_BUSINESS_WEEK, LOCAL_BUSINESS_WEEK } = SupportCalendar;
const BERLIN = 'Europe/Berlin';
const LOS_ANGELES = 'America/Los_Angeles';
const BEIJING = 'Asia/Shanghai';

type Row = [string, SupportCalendar, string, string, string, string];

const rows: Row[] = [
  // CN_SUPPORT_DAY: 09:00-24:00 Beijing, every day; one business day is 15 hours.
  [
    'just before opening',
    CN_SUPPORT_DAY,
    BEIJING,
    '2026-03-04T08:59:00+08:00',
    'PT15H',
    '2026-03-05T00:00:00+08:00',
  ],
  [
    'at opening',
    CN_SUPPORT_DAY,
    BEIJING,
    '2026-03-04T09:00:00+08:00',
    'PT15H',
    '2026-03-05T00:00:00+08:00',
  ],
  [
    'just after opening',
    CN_SUPPORT_DAY,
    BEIJING,
    '2026-03-04T09:01:00+08:00',
    'PT15H',
    '2026-03-05T09:01:00+08:00',
  ],
  [
    'just before closing (midnight)',
    CN_SUPPORT_DAY,
    BEIJING,
    '2026-03-04T23:59:00+08:00',
    'PT15H',
    '2026-03-05T23:59:00+08:00',
  ],
  [
    'at closing (midnight)',
    CN_SUPPORT_DAY,
    BEIJING,
    '2026-03-05T00:00:00+08:00',
    'PT15H',
    '2026-03-06T00:00:00+08:00',
  ],
  [
    'just after closing',
    CN_SUPPORT_DAY,
    BEIJING,
    '2026-03-05T00:01:00+08:00',
    'PT15H',
    '2026-03-06T00:00:00+08:00',
  ],
  [
    'Friday night, weekends count',
    CN_SUPPORT_DAY,
    BEIJING,
    '2026-03-06T23:00:00+08:00',
    'PT15H',
    '2026-03-07T23:00:00+08:00',
  ],
  [
    'Sunday, three support days',
    CN_SUPPORT_DAY,
    BEIJING,
    '2026-03-08T10:00:00+08:00',
    'PT45H',
    '2026-03-11T10:00:00+08:00',
  ],
  [
    'given in UTC (08:30 Beijing)',
    CN_SUPPORT_DAY,
    BEIJING,
    '2026-03-04T00:30:00Z',
    'PT1H',
    '2026-03-04T10:00:00+08:00',
  ],
  // CN_BUSINESS_WEEK: Monday-Friday 09:00-18:00 Beijing; one business day is 9 hours.
  [
    'just before opening',
    CN_BUSINESS_WEEK,
    BEIJING,
    '2026-03-04T08:59:00+08:00',
    'PT9H',
    '2026-03-04T18:00:00+08:00',
  ],
  [
    'at opening',
    CN_BUSINESS_WEEK,
    BEIJING,
    '2026-03-04T09:00:00+08:00',
    'PT9H',
    '2026-03-04T18:00:00+08:00',
  ],
  [
    'just after opening',
    CN_BUSINESS_WEEK,
    BEIJING,
    '2026-03-04T09:01:00+08:00',
    'PT9H',
    '2026-03-05T09:01:00+08:00',
  ],
  [
    'just before closing',
    CN_BUSINESS_WEEK,
    BEIJING,
    '2026-03-04T17:59:00+08:00',
    'PT9H',
    '2026-03-05T17:59:00+08:00',
  ],
  [
    'at closing',
    CN_BUSINESS_WEEK,
    BEIJING,
    '2026-03-04T18:00:00+08:00',
    'PT9H',
    '2026-03-05T18:00:00+08:00',
  ],
  [
    'just after closing',
    CN_BUSINESS_WEEK,
    BEIJING,
    '2026-03-04T18:01:00+08:00',
    'PT9H',
    '2026-03-05T18:00:00+08:00',
  ],
  [
    'Friday afternoon, over the weekend',
    CN_BUSINESS_WEEK,
    BEIJING,
    '2026-03-06T17:00:00+08:00',
    'PT9H',
    '2026-03-09T17:00:00+08:00',
  ],
  [
    'Friday night',
    CN_BUSINESS_WEEK,
    BEIJING,
    '2026-03-06T22:00:00+08:00',
    'PT9H',
    '2026-03-09T18:00:00+08:00',
  ],
  [
    'Sunday',
    CN_BUSINESS_WEEK,
    BEIJING,
    '2026-03-08T12:00:00+08:00',
    'PT9H',
    '2026-03-09T18:00:00+08:00',
  ],
  [
    'three business days from Thursday',
    CN_BUSINESS_WEEK,
    BEIJING,
    '2026-03-05T10:00:00+08:00',
    'PT27H',
    '2026-03-10T10:00:00+08:00',
  ],
  // LOCAL_BUSINESS_WEEK: Monday-Friday 09:00-17:00 in the organization's zone.
  [
    'just before opening',
    LOCAL_BUSINESS_WEEK,
    BERLIN,
    '2026-03-04T08:59:00+01:00',
    'PT8H',
    '2026-03-04T17:00:00+01:00',
  ],
  [
    'at opening',
    LOCAL_BUSINESS_WEEK,
    BERLIN,
    '2026-03-04T09:00:00+01:00',
    'PT8H',
    '2026-03-04T17:00:00+01:00',
  ],
  [
    'just after opening',
    LOCAL_BUSINESS_WEEK,
    BERLIN,
    '2026-03-04T09:01:00+01:00',
    'PT8H',
    '2026-03-05T09:01:00+01:00',
  ],
  [
    'just before closing',
    LOCAL_BUSINESS_WEEK,
    BERLIN,
    '2026-03-04T16:59:00+01:00',
    'PT8H',
    '2026-03-05T16:59:00+01:00',
  ],
  [
    'at closing',
    LOCAL_BUSINESS_WEEK,
    BERLIN,
    '2026-03-04T17:00:00+01:00',
    'PT8H',
    '2026-03-05T17:00:00+01:00',
  ],
  [
    'just after closing',
    LOCAL_BUSINESS_WEEK,
    BERLIN,
    '2026-03-04T17:01:00+01:00',
    'PT8H',
    '2026-03-05T17:00:00+01:00',
  ],
  [
    'Friday night',
    LOCAL_BUSINESS_WEEK,
    BERLIN,
    '2026-03-06T23:30:00+01:00',
    'PT2H',
    '2026-03-09T11:00:00+01:00',
  ],
  [
    'Sunday',
    LOCAL_BUSINESS_WEEK,
    LOS_ANGELES,
    '2026-03-01T12:00:00-08:00',
    'PT1H',
    '2026-03-02T10:00:00-08:00',
  ],
  [
    'Berlin, into summer time',
    LOCAL_BUSINESS_WEEK,
    BERLIN,
    '2026-03-27T16:00:00+01:00',
    'PT4H',
    '2026-03-30T12:00:00+02:00',
  ],
  [
    'Berlin, Sunday of the spring change',
    LOCAL_BUSINESS_WEEK,
    BERLIN,
    '2026-03-29T02:30:00+01:00',
    'PT1H',
    '2026-03-30T10:00:00+02:00',
  ],
  [
    'Berlin, back to winter time',
    LOCAL_BUSINESS_WEEK,
    BERLIN,
    '2026-10-23T15:00:00+02:00',
    'PT4H',
    '2026-10-26T11:00:00+01:00',
  ],
  [
    'Los Angeles, into daylight time',
    LOCAL_BUSINESS_WEEK,
    LOS_ANGELES,
    '2026-03-06T16:00:00-08:00',
    'PT2H',
    '2026-03-09T10:00:00-07:00',
  ],
  [
    'Los Angeles, in the skipped hour',
    LOCAL_BUSINESS_WEEK,
    LOS_ANGELES,
    '2026-03-08T10:30:00Z',
    'PT8H',
    '2026-03-09T17:00:00-07:00',
  ],
  [
    'Los Angeles, the repeated hour',
    LOCAL_BUSINESS_WEEK,
    LOS_ANGELES,
    '2026-11-01T01:30:00-07:00',
    'PT1H',
    '2026-11-02T10:00:00-08:00',
  ],
  // ALWAYS: every elapsed hour counts, daylight saving or not.
  ['every hour counts', ALWAYS, 'UTC', '2026-03-06T23:30:00Z', 'PT1H', '2026-03-07T00:30:00Z'],
  [
    'a day across the US change is 24 elapsed hours',
    ALWAYS,
    'UTC',
    '2026-03-07T12:00:00-08:00',
    'PT24H',
    '2026-03-08T13:00:00-07:00',
  ],
];

describe('addCalendarTime', () => {
  it.each(rows)(
    '%s: %s in %s from %s plus %s is %s',
    (_label, calendar, zone, from, duration, due) => {
      const result = addCalendarTime(calendar, zone, new Date(from), duration);
      expect(result.toISOString()).toBe(new Date(due).toISOString());
    },
  );

  it('refuses an unknown time zone rather than guessing', () => {
    expect(() =>
      addCalendarTime(
        LOCAL_BUSINESS_WEEK,
        'Mars/Olympus',
        new Date('2026-03-04T00:00:00Z'),
        'PT1H',
      ),
    ).toThrow(/time zone/);
  });
});

describe('calendar zones and days', () => {
  it.each([
    [ALWAYS, 'UTC', 24],
    [CN_SUPPORT_DAY, BEIJING, 15],
    [CN_BUSINESS_WEEK, BEIJING, 9],
    [LOCAL_BUSINESS_WEEK, BERLIN, 8],
  ] as const)('%s counts in %s, %i hours a day', (calendar, zone, hours) => {
    expect(calendarZone(calendar, BERLIN)).toBe(zone);
    expect(hoursPerDay(calendar)).toBe(hours);
  });
});
