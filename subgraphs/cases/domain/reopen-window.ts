import { InvalidTransitionError, ReopenWindowClosedError } from '../../../lib/errors/domain-errors';
import { CaseStatus } from './case-enums';

// A closed case can be reopened up to 14 days after it was closed (domain.md, "Service
// requests"); after that it stays closed and a new case is needed.

export const REOPEN_WINDOW_DAYS = 14;

const DAY_MS = 86_400_000;

/** The last instant the case may be reopened; null while it is not closed. */
export function reopenableUntil(kase: { status: CaseStatus; closedAt?: Date | null }): Date | null {
  if (kase.status !== CaseStatus.CLOSED || !kase.closedAt) return null;
  return new Date(kase.closedAt.getTime() + REOPEN_WINDOW_DAYS * DAY_MS);
}

/** Refuses a reopening of a case that is not closed, or whose window has passed. */
export function assertReopenable(
  kase: { status: CaseStatus; closedAt?: Date | null },
  now: Date,
): void {
  const until = reopenableUntil(kase);
  if (!until) throw new InvalidTransitionError('Only a closed case can be reopened.');
  if (now > until) throw new ReopenWindowClosedError(until);
}
