import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../lib/errors/domain-errors';
import { decodeCaseCursor, encodeCaseCursor } from '../../../subgraphs/cases/loaders/case-cursor';
import { casePageKey } from '../../../subgraphs/cases/loaders/case-page-args';

const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof DomainError ? error.code : error;
  }
  return 'no error';
};

describe('case cursors', () => {
  it('round-trip the position of a case', () => {
    const position = { openedAt: new Date('2026-03-01T09:15:30.123Z'), id: 'case-contoso-1' };
    const cursor = encodeCaseCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCaseCursor(cursor)).toEqual(position);
  });

  it.each(['', 'not a cursor', 'MTIz', Buffer.from('abc~case-1').toString('base64url')])(
    'refuses %j as BAD_USER_INPUT',
    (cursor) => {
      expect(codeOf(() => decodeCaseCursor(cursor))).toBe('BAD_USER_INPUT');
    },
  );
});

describe('case page arguments', () => {
  it.each([0, -1, 101, 2.5])('refuses first = %d', (first) => {
    expect(codeOf(() => casePageKey('org-contoso', { first }))).toBe('BAD_USER_INPUT');
  });

  it('accepts 1 to 100 and reads open only when true', () => {
    expect(casePageKey('org-contoso', { first: 100, open: null })).toEqual({
      organizationId: 'org-contoso',
      first: 100,
      after: null,
      open: false,
      columns: null,
    });
    expect(casePageKey('org-contoso', { first: 1, open: true }).open).toBe(true);
  });
});
