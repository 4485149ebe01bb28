import { type BillingPeriod, DAY_MS, isoDay, startOfDay } from './billing-calendar';

// Invoice arithmetic: licences times the monthly price, prorated by days. Money stays in integer
// minor units; the one division per line is done on integers (BigInt) and rounded half up.
//
// A licence change applies from the start of its UTC day: the day a licence is added is billed
// with it, the day a subscription is cancelled is not billed. Several changes on one day: the
// last one counts for the whole day.

/** Paid licences from `at` on (0: nothing billed, e.g. after a cancellation). */
export interface LicenseStep {
  at: Date;
  licenses: number;
}

/** Consecutive days of a period billed with the same licence count. */
export interface BilledSegment {
  /** First day, `YYYY-MM-DD`. */
  from: string;
  /** Last day, inclusive. */
  to: string;
  licenses: number;
  days: number;
}

export interface ProratedLine {
  segments: BilledSegment[];
  /** Sum of licences times days: what the monthly price is prorated over. */
  licenseDays: number;
  /** Minor units. */
  amount: number;
}

/** The licence count billed on each day of the period, merged into segments; unbilled days are left out. */
export function billedSegments(
  period: BillingPeriod,
  steps: readonly LicenseStep[],
): BilledSegment[] {
  const ordered = [...steps].sort((a, b) => a.at.getTime() - b.at.getTime());
  const segments: BilledSegment[] = [];
  let next = 0;
  let licenses = 0;
  for (let day = period.start.getTime(); day < period.end.getTime(); day += DAY_MS) {
    while (next < ordered.length && startOfDay(ordered[next]!.at).getTime() <= day) {
      licenses = ordered[next]!.licenses;
      next += 1;
    }
    if (licenses === 0) continue;
    const date = isoDay(new Date(day));
    const last = segments.at(-1);
    if (last && last.licenses === licenses && isNextDay(last.to, date)) {
      last.to = date;
      last.days += 1;
    } else {
      segments.push({ from: date, to: date, licenses, days: 1 });
    }
  }
  return segments;
}

const isNextDay = (previous: string, day: string) =>
  Date.parse(`${day}T00:00:00Z`) - Date.parse(`${previous}T00:00:00Z`) === DAY_MS;

/** Rounds numerator/denominator to the nearest integer, halves away from zero (both positive here). */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** One invoice line: `monthlyPrice` per licence for a full period, prorated by the billed days. */
export function prorate(
  period: BillingPeriod,
  monthlyPrice: number,
  steps: readonly LicenseStep[],
): ProratedLine {
  if (!Number.isSafeInteger(monthlyPrice) || monthlyPrice < 0) {
    throw new Error(`a price must be a non-negative integer of minor units, not ${monthlyPrice}`);
  }
  const segments = billedSegments(period, steps);
  const licenseDays = segments.reduce((sum, s) => sum + s.licenses * s.days, 0);
  const amount = divideRoundHalfUp(BigInt(monthlyPrice) * BigInt(licenseDays), BigInt(period.days));
  return { segments, licenseDays, amount: Number(amount) };
}
