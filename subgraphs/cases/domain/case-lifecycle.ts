import { ForbiddenError, InvalidTransitionError } from '../../../lib/errors/domain-errors';
import { CaseStatus } from './case-enums';

// The status state machine of a case (domain.md, "Service requests"). Support moves a case
// between statuses; the customer's side may only close it. A closed case leaves CLOSED only by
// being reopened (reopen-window.ts), never by a status change.

const { OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER, CLOSED } = CaseStatus;

/** Who is acting on the case: a support engineer of its cloud, or the customer's side. */
export type CaseSide = 'support' | 'customer';

export const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  [OPEN]: [IN_PROGRESS, WAITING_ON_CUSTOMER, CLOSED],
  [IN_PROGRESS]: [WAITING_ON_CUSTOMER, CLOSED],
  [WAITING_ON_CUSTOMER]: [IN_PROGRESS, CLOSED],
  [CLOSED]: [],
};

export const canMove = (from: CaseStatus, to: CaseStatus): boolean =>
  TRANSITIONS[from].includes(to);

export function assertStatusChange(from: CaseStatus, to: CaseStatus, side: CaseSide): void {
  if (side === 'customer' && to !== CLOSED) {
    throw new ForbiddenError(
      'You can close your case; support sets its other statuses. Add a note to ask for a change.',
    );
  }
  if (canMove(from, to)) return;
  if (from === CLOSED) {
    throw new InvalidTransitionError('The case is closed: reopen it (within 14 days) instead.');
  }
  throw new InvalidTransitionError(
    from === to
      ? `The case is already ${from}.`
      : `A case cannot go from ${from} to ${to}; from ${from} it can go to ${TRANSITIONS[from].join(', ')}.`,
  );
}

/** Notes, severity changes and escalations need a case that is not closed. */
export function assertNotClosed(status: CaseStatus, what: string): void {
  if (status === CLOSED) {
    throw new InvalidTransitionError(`The case is closed, so you cannot ${what}: reopen it first.`);
  }
}

/** A customer's answer to a case waiting on them hands it back to support. */
export function statusAfterNote(status: CaseStatus, side: CaseSide): CaseStatus {
  return side === 'customer' && status === WAITING_ON_CUSTOMER ? IN_PROGRESS : status;
}
