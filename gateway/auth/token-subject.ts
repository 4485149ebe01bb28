import type { JWTPayload } from 'jose';
import type { SignIn } from '../../lib/viewer/sign-in';

/**
 * Names the person a verified token is about by claims the provider never reassigns: `iss` + `sub`,
 * or for Microsoft Entra ID the tenant and object ids (`tid` + `oid`), which stay the same across
 * applications and token versions where `sub` does not. The `email` claim can change and, on
 * Entra ID, is not verified (the "nOAuth" takeover): it is passed on only with `email_verified`.
 * Null when the token names nobody.
 */
export function signInOf(payload: JWTPayload): SignIn | null {
  const { tid, oid } = payload;
  const entra = typeof tid === 'string' && tid && typeof oid === 'string' && oid;
  const issuer = entra ? `entra:${tid}` : payload.iss;
  const subject = entra ? oid : payload.sub;
  if (!issuer || !subject) return null;
  const email = typeof payload.email === 'string' && payload.email ? payload.email : null;
  // Some providers send the claim as the string "true".
  const verified = payload.email_verified === true || payload.email_verified === 'true';
  return {
    issuer,
    subject,
    email: email?.toLowerCase() ?? null,
    emailVerified: email !== null && verified,
  };
}
