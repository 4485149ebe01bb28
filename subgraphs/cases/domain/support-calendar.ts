import { DateTime, Duration } from 'luxon';
import { SupportCalendar } from './case-enums';

// The hours each support calendar counts (contract/README.md, "Support calendars and targets"),
// and how far a target reaches from an opening instant when only those hours count. Pure: the
// wall clock of the calendar's zone is Luxon's business, never a hand-made offset.

export const BEIJING = 'Asia/Shanghai';

interface WorkingHours {
  /** Luxon weekdays, 1 = Monday ... 7 = Sunday. */
  days: readonly number[];
  opensAt: number;
  /** 24 means midnight at the end of the day. */
  closesAt: number;
}

const EVERY_DAY = [1, 2, 3, 4, 5, 6, 7];
const WEEKDAYS = [1, 2, 3, 4, 5];

const HOURS: Record<Exclude<SupportCalendar, SupportCalendar.ALWAYS>, WorkingHours> = {
  [SupportCalendar.CN_SUPPORT_DAY]: { days: EVERY_DAY, opensAt: 9, closesAt: 24 },
  [SupportCalendar.CN_BUSINESS_WEEK]: { days: WEEKDAYS, opensAt: 9, closesAt: 18 },
  [SupportCalendar.LOCAL_BUSINESS_WEEK]: { days: WEEKDAYS, opensAt: 9, closesAt: 17 },
};

/** Counted hours in one working day of the calendar (24 for ALWAYS). */
export function hoursPerDay(calendar: SupportCalendar): number {
  if (calendar === SupportCalendar.ALWAYS) return 24;
  const { opensAt, closesAt } = HOURS[calendar];
  return closesAt - opensAt;
}

/** The zone a calendar counts in: Beijing for 21Vianet's, the organization's for the local one. */
export function calendarZone(calendar: SupportCalendar, organizationZone: string): string {
  switch (calendar) {
    case SupportCalendar.ALWAYS:
      return 'UTC';
    case SupportCalendar.LOCAL_BUSINESS_WEEK:
      return organizationZone;
    default:
      return BEIJING;
  }
}

export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/** The calendar's open window on the local day starting at `day`, or null when closed. */
function windowOf(
  hours: WorkingHours,
  day: DateTime,
): { opens: DateTime; closes: DateTime } | null {
  if (!hours.days.includes(day.weekday)) return null;
  const opens = day.set({ hour: hours.opensAt, minute: 0, second: 0, millisecond: 0 });
  const closes =
    hours.closesAt === 24
      ? day.plus({ days: 1 }).startOf('day')
      : day.set({ hour: hours.closesAt, minute: 0, second: 0, millisecond: 0 });
  return { opens, closes };
}

// A target never spans more than a few weeks of calendar time; this only stops a runaway loop.
const MAX_DAYS = 3_660;

/**
 * The instant `duration` of the calendar's hours has elapsed since `from`. Hours outside the
 * calendar do not count: an opening at night starts counting at the next opening. Counted time is
 * elapsed time, so a window shortened or lengthened by a daylight-saving change counts as long as
 * it really lasts.
 */
export function addCalendarTime(
  calendar: SupportCalendar,
  zone: string,
  from: Date,
  duration: string | Duration,
): Date {
  const parsed = typeof duration === 'string' ? Duration.fromISO(duration) : duration;
  if (!parsed.isValid) throw new Error(`invalid ISO 8601 duration: ${String(duration)}`);
  let remaining = parsed.as('milliseconds');
  if (calendar === SupportCalendar.ALWAYS) return new Date(from.getTime() + remaining);
  if (!isValidZone(zone)) throw new Error(`unknown time zone: ${zone}`);

  const hours = HOURS[calendar];
  const start = DateTime.fromJSDate(from, { zone });
  let day = start.startOf('day');
  for (let i = 0; i < MAX_DAYS; i++) {
    const window = windowOf(hours, day);
    if (window) {
      const begin = Math.max(start.toMillis(), window.opens.toMillis());
      const available = window.closes.toMillis() - begin;
      if (available > 0) {
        if (remaining <= available) return new Date(begin + remaining);
        remaining -= available;
      }
    }
    day = day.plus({ days: 1 }).startOf('day');
  }
  throw new Error(`${calendar} never reaches ${parsed.toISO()} from ${from.toISOString()}`);
}

/** The first instant at or after `from` when the calendar counts: `from` itself while open. */
export function nextOpening(calendar: SupportCalendar, zone: string, from: Date): Date {
  return addCalendarTime(calendar, zone, from, Duration.fromMillis(0));
}
