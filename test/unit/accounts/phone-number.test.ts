import { describe, expect, it } from 'vitest';
import {
  isEmail,
  maskEmail,
  maskPhone,
  toE164,
} from '../../../subgraphs/accounts/domain/phone-number';

describe('phone numbers', () => {
  it.each([
    ['+86 10 5555 0101', '+861055550101'],
    ['+861055550101', '+861055550101'],
    ['  +1 (425) 555-0100 ', '+14255550100'],
    ['+49 30 5555 0100', '+493055550100'],
  ])('reads %s as %s', (raw, e164) => {
    expect(toE164(raw)).toBe(e164);
  });

  it.each(['010 5555 0101', 'call me', '+1', ''])('refuses %j', (raw) => {
    expect(toE164(raw)).toBeNull();
  });

  it('masks what it shows', () => {
    expect(maskEmail('it@northwind.example')).toBe('i***@northwind.example');
    expect(maskPhone('+861055550101')).toBe('+86******0101');
  });

  it('tells e-mail addresses from the rest', () => {
    expect(isEmail('it@northwind.example')).toBe(true);
    expect(isEmail('it@northwind')).toBe(false);
    expect(isEmail('two words@x.example')).toBe(false);
  });
});
