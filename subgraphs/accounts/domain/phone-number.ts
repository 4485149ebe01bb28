import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone number in E.164 form (`+861055550101`), or null when it is not a possible
 * international number. Numbers are compared in this form, so spacing never matters.
 */
export function toE164(raw: string): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim());
  return parsed?.isPossible() ? parsed.number : null;
}

/** `i***@northwind.example`: enough for the caller to recognise, not enough to learn. */
export function maskEmail(email: string): string {
  const [local, domain] = email.split('@');
  return `${local.slice(0, 1)}***@${domain}`;
}

/** `+86******0101`: country code and the last four digits. */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  const country = parsed ? `+${parsed.countryCallingCode}` : e164.slice(0, 3);
  const rest = e164.slice(country.length);
  return `${country}${'*'.repeat(Math.max(rest.length - 4, 0))}${rest.slice(-4)}`;
}

const EMAIL_PATTERN = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export function isEmail(value: string): boolean {
  return value.length <= 320 && EMAIL_PATTERN.test(value);
}
