import { describe, expect, it } from 'vitest';
import { signInOf } from '../../../gateway/auth/token-subject';

describe('signInOf', () => {
  it('names a person by iss + sub, and passes the e-mail on with its verification', () => {
    expect(
      signInOf({
        iss: 'https://idp.example',
        sub: 'abc',
        email: 'Ann@X.example',
        email_verified: true,
      }),
    ).toEqual({
      issuer: 'https://idp.example',
      subject: 'abc',
      email: 'ann@x.example',
      emailVerified: true,
    });
  });

  it('names a Microsoft Entra ID user by tenant and object id, not by the per-app sub', () => {
    const claims = { tid: 'tenant-1', oid: 'object-1', email: 'ann@x.example' };
    const v1 = signInOf({ ...claims, iss: 'https://sts.windows.net/tenant-1/', sub: 'app-a' });
    const v2 = signInOf({
      ...claims,
      iss: 'https://login.microsoftonline.com/tenant-1/v2.0',
      sub: 'app-b',
    });
    expect(v1).toEqual(v2);
    expect(v1).toMatchObject({ issuer: 'entra:tenant-1', subject: 'object-1' });
  });

  it('treats an e-mail without email_verified as unverified (Entra ID sends none)', () => {
    for (const email_verified of [undefined, false, 'false', 1]) {
      const signIn = signInOf({ iss: 'i', sub: 's', email: 'ann@x.example', email_verified });
      expect(signIn?.emailVerified).toBe(false);
    }
    expect(
      signInOf({ iss: 'i', sub: 's', email: 'a@x.example', email_verified: 'true' }),
    ).toMatchObject({ emailVerified: true });
    expect(signInOf({ iss: 'i', sub: 's', email_verified: true })).toMatchObject({
      email: null,
      emailVerified: false,
    });
  });

  it('names nobody without a subject', () => {
    expect(signInOf({ iss: 'i', email: 'ann@x.example', email_verified: true })).toBeNull();
    expect(signInOf({ sub: 's' })).toBeNull();
  });
});
