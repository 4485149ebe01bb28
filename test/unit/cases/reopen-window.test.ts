import { describe, expect, it } from 'vitest';
import { InvalidTransitionError, ReopenWindowClosedError } from '../../../lib/errors/domain-errors';
import { CaseStatus } from '../../../subgraphs/cases/domain/case-enums';
import { assertReopenable, reopenableUntil } from '../../../subgraphs/cases/domain/reopen-window';

describe('reopenableUntil', () => {
  const closedAt = new Date('2026-03-01T12:00:00Z');

  it('is 14 days after a closed case was closed', () => {
    expect(reopenableUntil({ status: CaseStatus.CLOSED, closedAt })).toEqual(
      new Date('2026-03-15T12:00:00Z'),
    );
  });

  it.each([CaseStatus.OPEN, CaseStatus.IN_PROGRESS, CaseStatus.WAITING_ON_CUSTOMER])(
    'is null for a %s case, even one closed before',
    (status) => {
      expect(reopenableUntil({ status, closedAt })).toBeNull();
    },
  );
});

describe('assertReopenable', () => {
  const closedAt = new Date('2026-03-01T12:00:00Z');
  const closed = { status: CaseStatus.CLOSED, closedAt };

  it('allows a reopening up to the last instant of the window', () => {
    expect(() => assertReopenable(closed, new Date('2026-03-15T12:00:00Z'))).not.toThrow();
  });

  it('refuses one instant later with REOPEN_WINDOW_CLOSED, naming the limit', () => {
    const late = () => assertReopenable(closed, new Date('2026-03-15T12:00:00.001Z'));
    expect(late).toThrow(ReopenWindowClosedError);
    expect(late).toThrow(/2026-03-15T12:00:00.000Z/);
  });

  it('refuses to reopen a case that is not closed with INVALID_TRANSITION', () => {
    expect(() =>
      assertReopenable({ status: CaseStatus.IN_PROGRESS, closedAt: null }, closedAt),
    ).toThrow(InvalidTransitionError);
  });
});
