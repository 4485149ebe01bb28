import { describe, expect, it } from 'vitest';
import { CaseStatus } from '../../../subgraphs/cases/domain/case-enums';
import { reopenableUntil } from '../../../subgraphs/cases/domain/reopen-window';

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
