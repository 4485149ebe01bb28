import { BadUserInputError, InvalidTransitionError } from '../../../lib/errors/domain-errors';
import { addDays, addMonths, isoDay } from './billing-calendar';
import { SubscriptionStatus } from './enums';

// The subscription state machine (domain.md, "Subscriptions and billing"): which transition is
// allowed from which state, and what it changes. Pure: the command layer loads, checks access,
// applies the result and records it. Every refusal says why and what to do instead.
//
//   (none) --startTrial--> TRIAL --convertTrial--> ACTIVE --cancel (within window)--> CANCELED
//   (none) --purchase----> ACTIVE --renew / changeLicenses / setAutoRenew--> ACTIVE
//   (how a subscription comes to be: subscription-opening.ts)
//   TRIAL past its end, or ACTIVE past its end without auto-renew --> EXPIRED (see effectiveStatus)
//   EXPIRED after paid --renew--> ACTIVE (a new term)

/** Microsoft 365 trials run one month with 25 licences. */
export const TRIAL_DAYS = 30;
export const TRIAL_LICENSES = 25;
/** Paid subscriptions are annual commitments. */
export const TERM_MONTHS = 12;
/** A paid subscription may be cancelled up to 7 days after it was bought, converted or renewed. */
export const CANCELLATION_WINDOW_DAYS = 7;
/** (ours) An upper bound that refuses typos; it also keeps every invoice within GraphQL's Int. */
export const MAX_LICENSES = 50_000;

export interface SubscriptionState {
  id: string;
  planName: string;
  /** As stored; use effectiveStatus for what it is now. */
  status: SubscriptionStatus;
  /** Set when a trial was started: one trial per plan and organization, ever. */
  startedAsTrial: boolean;
  /** When it became paid (purchase or conversion); null while it has only been a trial. */
  paidSince: Date | null;
  licenses: number;
  assignedLicenses: number;
  termStart: Date;
  termEnd: Date;
  autoRenew: boolean;
  cancellationAllowedUntil: Date | null;
}

/** The paid licence count from an instant on; the invoices prorate from these steps. */
export interface BillingStep {
  licenses: number;
  from: Date;
}

export interface Transition {
  changes: Partial<SubscriptionState>;
  billing?: BillingStep;
}

export type NewSubscription = Omit<SubscriptionState, 'id' | 'planName'>;

/** Trials past their end, and paid terms that ended without auto-renewal, are EXPIRED. */
export function effectiveStatus(
  s: Pick<SubscriptionState, 'status' | 'termEnd' | 'autoRenew'>,
  now: Date,
): SubscriptionStatus {
  const ended = now.getTime() >= s.termEnd.getTime();
  if (s.status === SubscriptionStatus.TRIAL && ended) return SubscriptionStatus.EXPIRED;
  if (s.status === SubscriptionStatus.ACTIVE && ended && !s.autoRenew) {
    return SubscriptionStatus.EXPIRED;
  }
  return s.status;
}

export function assertLicenseCount(licenses: number): void {
  if (!Number.isInteger(licenses) || licenses < 1 || licenses > MAX_LICENSES) {
    throw new BadUserInputError(
      `${licenses} is not a valid number of licences: choose a whole number from 1 to ${MAX_LICENSES}.`,
      'licenses',
    );
  }
}

function assertCoversAssigned(s: SubscriptionState, licenses: number): void {
  if (licenses < s.assignedLicenses) {
    throw new BadUserInputError(
      `${s.planName} has ${s.assignedLicenses} licences assigned to users, so it cannot go down ` +
        `to ${licenses}: choose at least ${s.assignedLicenses}, or unassign ` +
        `${s.assignedLicenses - licenses} licences first.`,
      'licenses',
    );
  }
}

export const refuse = (message: string) => new InvalidTransitionError(message);

/** A paid annual term from `start`, cancellable for the first days. */
export const paidTermFrom = (start: Date) => ({
  termStart: start,
  termEnd: addMonths(start, TERM_MONTHS),
  cancellationAllowedUntil: addDays(start, CANCELLATION_WINDOW_DAYS),
});

const isPaid = (s: SubscriptionState) => s.paidSince !== null;

/** Why a subscription that is not running cannot change, and what to do instead. */
function notRunning(s: SubscriptionState, status: SubscriptionStatus, what: string): Error {
  if (status === SubscriptionStatus.CANCELED) {
    return refuse(
      `${s.planName} (${s.id}) was canceled, so it cannot ${what}: buy the plan again with purchaseSubscription.`,
    );
  }
  if (isPaid(s)) {
    return refuse(
      `${s.planName} (${s.id}) expired on ${isoDay(s.termEnd)}, so it cannot ${what}: renew it with renewSubscription first.`,
    );
  }
  return refuse(
    `The trial of ${s.planName} (${s.id}) ended on ${isoDay(s.termEnd)}, so it cannot ${what}: buy the plan with purchaseSubscription.`,
  );
}

/** Refuses anything but a running paid subscription, with the reason for trials and ended ones. */
function assertRunningPaid(s: SubscriptionState, now: Date, what: string): void {
  const status = effectiveStatus(s, now);
  if (status === SubscriptionStatus.ACTIVE) return;
  if (status === SubscriptionStatus.TRIAL) {
    throw refuse(
      `${s.planName} (${s.id}) is a trial, so it cannot ${what}: convert it to paid with convertTrial first.`,
    );
  }
  throw notRunning(s, status, what);
}

/** The same subscription becomes paid: a new annual term starts now, with auto-renewal on. */
export function convertTrial(s: SubscriptionState, licenses: number, now: Date): Transition {
  assertLicenseCount(licenses);
  const status = effectiveStatus(s, now);
  if (status === SubscriptionStatus.ACTIVE) {
    throw refuse(
      `${s.planName} (${s.id}) is already paid: change its licences with changeLicenses instead.`,
    );
  }
  if (status !== SubscriptionStatus.TRIAL) throw notRunning(s, status, 'be converted');
  assertCoversAssigned(s, licenses);
  return {
    changes: {
      ...paidTermFrom(now),
      status: SubscriptionStatus.ACTIVE,
      paidSince: now,
      licenses,
      autoRenew: true,
    },
    billing: { licenses, from: now },
  };
}

/** Adds or removes licences of a running paid subscription; null when nothing changes. */
export function changeLicenses(
  s: SubscriptionState,
  licenses: number,
  now: Date,
): Transition | null {
  assertLicenseCount(licenses);
  if (effectiveStatus(s, now) === SubscriptionStatus.TRIAL) {
    throw refuse(
      `A trial has a fixed ${TRIAL_LICENSES} licences: convert ${s.planName} (${s.id}) with convertTrial to choose how many.`,
    );
  }
  assertRunningPaid(s, now, 'change its licences');
  assertCoversAssigned(s, licenses);
  if (licenses === s.licenses) return null;
  return { changes: { licenses }, billing: { licenses, from: now } };
}

/**
 * Extends a running paid term by another year; a lapsed paid subscription starts a new term.
 * (ours) A term already renewed a whole year ahead is not extended again, so a double click
 * does not commit the organization for years.
 */
export function renew(s: SubscriptionState, now: Date): Transition {
  const status = effectiveStatus(s, now);
  if (status === SubscriptionStatus.TRIAL) {
    throw refuse(
      `${s.planName} (${s.id}) is a trial and trials do not renew: convert it with convertTrial.`,
    );
  }
  if (status === SubscriptionStatus.EXPIRED && isPaid(s)) {
    return {
      changes: { ...paidTermFrom(now), status: SubscriptionStatus.ACTIVE },
      billing: { licenses: s.licenses, from: now },
    };
  }
  assertRunningPaid(s, now, 'be renewed');
  const renewableFrom = addMonths(s.termEnd, -TERM_MONTHS);
  if (now.getTime() < renewableFrom.getTime()) {
    throw refuse(
      `${s.planName} (${s.id}) is already renewed until ${isoDay(s.termEnd)}; it can be renewed ` +
        `again from ${isoDay(renewableFrom)}.`,
    );
  }
  return {
    changes: {
      termEnd: addMonths(s.termEnd, TERM_MONTHS),
      cancellationAllowedUntil: addDays(now, CANCELLATION_WINDOW_DAYS),
    },
  };
}

/** Cancels a paid subscription within its cancellation window; billing stops today. */
export function cancel(s: SubscriptionState, now: Date): Transition {
  const status = effectiveStatus(s, now);
  if (status === SubscriptionStatus.TRIAL) {
    throw refuse(
      `${s.planName} (${s.id}) is a trial: it is not cancelled but ends by itself on ` +
        `${isoDay(s.termEnd)} unless converted.`,
    );
  }
  if (status !== SubscriptionStatus.ACTIVE) throw notRunning(s, status, 'be canceled');
  const until = s.cancellationAllowedUntil;
  if (!until || now.getTime() > until.getTime()) {
    throw refuse(
      `The cancellation window of ${s.planName} (${s.id}) closed on ${until ? isoDay(until) : 'purchase'} ` +
        `(${CANCELLATION_WINDOW_DAYS} days after purchase or renewal). It runs until its term ends on ` +
        `${isoDay(s.termEnd)}; turn auto-renewal off with setAutoRenew so that it ends then.`,
    );
  }
  return {
    changes: { status: SubscriptionStatus.CANCELED, autoRenew: false, termEnd: now },
    billing: { licenses: 0, from: now },
  };
}

/** Turns auto-renewal on or off; null when it already is so. */
export function setAutoRenew(
  s: SubscriptionState,
  autoRenew: boolean,
  now: Date,
): Transition | null {
  assertRunningPaid(s, now, 'change its auto-renewal');
  return s.autoRenew === autoRenew ? null : { changes: { autoRenew } };
}

/**
 * What the billing cycle does with a subscription whose term has ended: trials and paid terms
 * without auto-renewal expire (billing stops at the term's end); auto-renewing terms roll over
 * term by term. Null when nothing is due.
 */
export function settleEndedTerm(s: SubscriptionState, now: Date): Transition | null {
  if (now.getTime() < s.termEnd.getTime()) return null;
  if (s.status === SubscriptionStatus.ACTIVE && s.autoRenew) {
    let termStart = s.termEnd;
    while (addMonths(termStart, TERM_MONTHS).getTime() <= now.getTime()) {
      termStart = addMonths(termStart, TERM_MONTHS);
    }
    return { changes: paidTermFrom(termStart) };
  }
  if (
    effectiveStatus(s, now) !== SubscriptionStatus.EXPIRED ||
    s.status === SubscriptionStatus.EXPIRED
  ) {
    return null;
  }
  return {
    changes: { status: SubscriptionStatus.EXPIRED },
    billing: isPaid(s) ? { licenses: 0, from: s.termEnd } : undefined,
  };
}
