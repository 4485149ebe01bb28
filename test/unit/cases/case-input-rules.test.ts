import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../../../lib/errors/domain-errors';
import {
  contactEmail,
  contactPhone,
  idempotencyKey,
  optionalText,
  requiredText,
  surveyRating,
} from '../../../subgraphs/cases/domain/case-input-rules';

describe('texts', () => {
  it('trims and keeps a text within its limit', () => {
    expect(requiredText('  Mail delayed  ', 'title', 12)).toBe('Mail delayed');
  });

  it.each([
    ['empty', ''],
    ['blank', '   \n '],
    ['one character too long', 'x'.repeat(201)],
  ])('refuses a %s title, naming the field', (_label, value) => {
    try {
      requiredText(value, 'title', 200);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      expect((error as BadUserInputError).details).toEqual({ field: 'title' });
    }
  });

  it('turns a blank optional text into null', () => {
    expect(optionalText('  ', 'businessImpact', 10)).toBeNull();
    expect(optionalText(undefined, 'businessImpact', 10)).toBeNull();
  });
});

describe('contacts', () => {
  it.each(['+1 425 555 0100', '+86 10 5555 0101', '+49 (30) 5555-0100', '+441234567'])(
    'accepts the phone %s',
    (phone) => {
      expect(contactPhone(phone)).toBe(phone);
    },
  );

  it.each(['425 555 0100', '+0 123 4567', '+1 23', 'call me', '+1 425 555 0100 ext 12', ''])(
    'refuses the phone "%s"',
    (phone) => {
      expect(() => contactPhone(phone)).toThrow(BadUserInputError);
    },
  );

  it.each(['it@contoso.example', 'dan.weber+cases@fabrikam.example'])('accepts %s', (email) => {
    expect(contactEmail(email)).toBe(email);
  });

  it.each(['it@contoso', 'it contoso@example.com', '@example.com', 'no-at.example.com', ''])(
    'refuses the e-mail "%s"',
    (email) => {
      expect(() => contactEmail(email)).toThrow(BadUserInputError);
    },
  );
});

describe('keys and ratings', () => {
  it('accepts a UUID as idempotency key, and no key at all', () => {
    expect(idempotencyKey('3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8')).toBe(
      '3f2a9c1e-8b7d-4e6f-a5b4-c3d2e1f0a9b8',
    );
    expect(idempotencyKey(null)).toBeNull();
  });

  it.each(['', 'with space', 'x'.repeat(129)])('refuses the key "%s"', (key) => {
    expect(() => idempotencyKey(key)).toThrow(BadUserInputError);
  });

  it.each([1, 5])('accepts a rating of %i', (rating) => {
    expect(surveyRating(rating)).toBe(rating);
  });

  it.each([0, 6, 2.5, -1])('refuses a rating of %s', (rating) => {
    expect(() => surveyRating(rating)).toThrow(BadUserInputError);
  });
});
