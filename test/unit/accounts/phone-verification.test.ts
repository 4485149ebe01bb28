import { describe, expect, it } from 'vitest';
import {
  afterWrongCode,
  assertConfirmable,
  codeMatches,
  generateCode,
  hashCode,
} from '../../../subgraphs/accounts/domain/phone-verification';

const NOW = new Date('2026-06-01T10:00:00Z');
const live = {
  status: 'PENDING' as const,
  expiresAt: new Date('2026-06-01T10:05:00Z'),
  failedAttempts: 0,
};

describe('phone verification rules', () => {
  it('makes six-digit codes and never stores them in clear', () => {
    const codes = new Set(Array.from({ length: 50 }, generateCode));
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(codes.size).toBeGreaterThan(40);
    const hash = hashCode('secret', 'challenge-1', '123456');
    expect(hash).not.toContain('123456');
    expect(codeMatches('secret', 'challenge-1', '123456', hash)).toBe(true);
    expect(codeMatches('secret', 'challenge-2', '123456', hash)).toBe(false);
    expect(codeMatches('other', 'challenge-1', '123456', hash)).toBe(false);
  });

  it.each([
    ['a live challenge', live, null],
    ['an expired one', { ...live, expiresAt: NOW }, /expired/],
    ['a used one', { ...live, status: 'VERIFIED' as const }, /already used/],
    ['one with five wrong codes', { ...live, failedAttempts: 5 }, /Too many wrong codes/],
    ['a closed one', { ...live, status: 'FAILED' as const }, /Too many wrong codes/],
  ])('%s', (_name, challenge, refusal) => {
    const check = () => assertConfirmable(challenge, NOW);
    if (refusal) expect(check).toThrowError(refusal);
    else expect(check).not.toThrow();
  });

  it('closes the challenge at the fifth wrong code', () => {
    expect(afterWrongCode({ ...live, failedAttempts: 3 })).toEqual({
      failedAttempts: 4,
      status: 'PENDING',
    });
    expect(afterWrongCode({ ...live, failedAttempts: 4 })).toEqual({
      failedAttempts: 5,
      status: 'FAILED',
    });
  });
});
