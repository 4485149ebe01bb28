import { describe, expect, it } from 'vitest';
import { ForbiddenError, InvalidTransitionError } from '../../../lib/errors/domain-errors';
import { CaseStatus } from '../../../subgraphs/cases/domain/case-enums';
import {
  assertNotClosed,
  assertStatusChange,
  canMove,
  statusAfterNote,
} from '../../../subgraphs/cases/domain/case-lifecycle';

const { OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER, CLOSED } = CaseStatus;
const ALL = [OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER, CLOSED];

// The whole matrix, written out: what support may do from each status.
const ALLOWED: Record<CaseStatus, CaseStatus[]> = {
  [OPEN]: [IN_PROGRESS, WAITING_ON_CUSTOMER, CLOSED],
  [IN_PROGRESS]: [WAITING_ON_CUSTOMER, CLOSED],
  [WAITING_ON_CUSTOMER]: [IN_PROGRESS, CLOSED],
  [CLOSED]: [],
};

describe('the status state machine', () => {
  const pairs = ALL.flatMap((from) => ALL.map((to) => [from, to] as const));

  it.each(pairs)('support: %s -> %s', (from, to) => {
    const allowed = ALLOWED[from].includes(to);
    expect(canMove(from, to)).toBe(allowed);
    const move = () => assertStatusChange(from, to, 'support');
    if (allowed) expect(move).not.toThrow();
    else expect(move).toThrow(InvalidTransitionError);
  });

  it.each([OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER])('the customer may close a %s case', (from) => {
    expect(() => assertStatusChange(from, CLOSED, 'customer')).not.toThrow();
  });

  it.each([IN_PROGRESS, WAITING_ON_CUSTOMER, OPEN])(
    'the customer may not set %s (FORBIDDEN)',
    (to) => {
      expect(() => assertStatusChange(OPEN, to, 'customer')).toThrow(ForbiddenError);
    },
  );

  it('tells to reopen instead of changing the status of a closed case', () => {
    expect(() => assertStatusChange(CLOSED, OPEN, 'support')).toThrow(/reopen/);
  });

  it('refuses work on a closed case, and only there', () => {
    expect(() => assertNotClosed(CLOSED, 'add a note')).toThrow(InvalidTransitionError);
    for (const status of [OPEN, IN_PROGRESS, WAITING_ON_CUSTOMER]) {
      expect(() => assertNotClosed(status, 'add a note')).not.toThrow();
    }
  });

  it('hands a case waiting on the customer back to support when the customer answers', () => {
    expect(statusAfterNote(WAITING_ON_CUSTOMER, 'customer')).toBe(IN_PROGRESS);
    expect(statusAfterNote(WAITING_ON_CUSTOMER, 'support')).toBe(WAITING_ON_CUSTOMER);
    expect(statusAfterNote(OPEN, 'customer')).toBe(OPEN);
  });
});
