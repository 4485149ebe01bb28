// Calendar arithmetic for terms and billing periods, all in UTC: a billing day is a UTC calendar
// day and a billing period a UTC calendar month, whatever the organization's time zone.

export const DAY_MS = 86_400_000;

export const addDays = (at: Date, days: number): Date => new Date(at.getTime() + days * DAY_MS);

/** Same day-of-month and time `months` later, clamped to the month's last day (Jan 31 + 1 = Feb 28). */
export function addMonths(at: Date, months: number): Date {
  const target = new Date(
    Date.UTC(
      at.getUTCFullYear(),
      at.getUTCMonth() + months,
      1,
      at.getUTCHours(),
      at.getUTCMinutes(),
      at.getUTCSeconds(),
      at.getUTCMilliseconds(),
    ),
  );
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(at.getUTCDate(), lastDay));
  return target;
}

/** Midnight UTC of the instant's calendar day. */
export const startOfDay = (at: Date): Date =>
  new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate()));

/** `YYYY-MM-DD` of the instant's UTC calendar day. */
export const isoDay = (at: Date): string => at.toISOString().slice(0, 10);

/** One monthly billing period: `[start, end)` in UTC. */
export interface BillingPeriod {
  /** `YYYY-MM`, the key invoices are unique on. */
  key: string;
  start: Date;
  /** Exclusive: midnight of the first day of the next month. */
  end: Date;
  days: number;
}

export function periodOf(at: Date): BillingPeriod {
  return periodStarting(at.getUTCFullYear(), at.getUTCMonth());
}

function periodStarting(year: number, month: number): BillingPeriod {
  const start = new Date(Date.UTC(year, month, 1));
  const end = new Date(Date.UTC(year, month + 1, 1));
  return {
    key: start.toISOString().slice(0, 7),
    start,
    end,
    days: Math.round((end.getTime() - start.getTime()) / DAY_MS),
  };
}

export function periodFromKey(key: string): BillingPeriod {
  const match = /^(\d{4})-(\d{2})$/.exec(key);
  if (!match) throw new Error(`not a billing period key: ${key}`);
  return periodStarting(Number(match[1]), Number(match[2]) - 1);
}

export const nextPeriod = (period: BillingPeriod): BillingPeriod => periodOf(period.end);

/** Periods from `first` up to and including `last`, oldest first. */
export function periodsBetween(first: BillingPeriod, last: BillingPeriod): BillingPeriod[] {
  const periods: BillingPeriod[] = [];
  for (let p = first; p.start <= last.start; p = nextPeriod(p)) periods.push(p);
  return periods;
}
