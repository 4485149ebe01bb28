import { BadUserInputError } from '../../../lib/errors/domain-errors';

// What a person may type into a case: lengths, e-mail and phone shapes. Texts are trimmed; an
// empty or oversized one is refused with BAD_USER_INPUT naming the field.

export const LIMITS = {
  topic: 120,
  title: 200,
  description: 10_000,
  businessImpact: 2_000,
  note: 10_000,
  reason: 1_000,
  surveyComment: 2_000,
  idempotencyKey: 128,
} as const;

/** A required text: trimmed, not empty, at most `max` characters. */
export function requiredText(value: string, field: string, max: number): string {
  const text = value.trim();
  if (!text) throw new BadUserInputError(`${field} must not be empty.`, field);
  if (text.length > max) {
    throw new BadUserInputError(`${field} is too long: at most ${max} characters.`, field);
  }
  return text;
}

/** An optional text: null when blank. */
export function optionalText(
  value: string | null | undefined,
  field: string,
  max: number,
): string | null {
  return value?.trim() ? requiredText(value, field, max) : null;
}

// Deliberately simple: one @, no spaces, a dot in the domain. Delivery proves the rest.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function contactEmail(value: string, field = 'contact.email'): string {
  const email = value.trim();
  if (email.length > 254 || !EMAIL.test(email)) {
    throw new BadUserInputError(
      `"${email.slice(0, 60)}" is not an e-mail address: use the form name@example.com.`,
      field,
    );
  }
  return email;
}

/**
 * International numbers only (E.164: a +, the country code, at most 15 digits), since support
 * calls from other countries; spaces, dashes, dots and brackets are allowed and kept.
 */
export function contactPhone(value: string, field = 'contact.phone'): string {
  const phone = value.trim().replace(/\s+/g, ' ');
  const digits = phone.replace(/[\s().-]/g, '');
  if (phone.length > 40 || !/^\+[1-9]\d{6,14}$/.test(digits)) {
    throw new BadUserInputError(
      `"${phone.slice(0, 40)}" is not a phone number support can call: use the international ` +
        'form with the country code, e.g. +1 425 555 0100.',
      field,
    );
  }
  return phone;
}

export function idempotencyKey(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (!/^[\x21-\x7e]{1,128}$/.test(value)) {
    throw new BadUserInputError(
      'idempotencyKey must be 1 to 128 visible ASCII characters, e.g. a UUID.',
      'idempotencyKey',
    );
  }
  return value;
}

export function surveyRating(rating: number): number {
  if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
    throw new BadUserInputError('rating must be a whole number from 1 to 5.', 'rating');
  }
  return rating;
}
