import { importJWK, SignJWT } from 'jose';
import { demoSubject, demoUserByEmail } from '../demo/demo-tenants';
import type { SignIn } from '../viewer/sign-in';
import type { DevJwtKey } from './dev-secrets';

export interface DevTokenOptions {
  email: string;
  issuer: string;
  audience: string;
  /** e.g. '8h', or seconds since epoch. */
  expiresAt?: string | number;
  /** The `sub` claim; by default the demo user's subject (the e-mail for anyone else). */
  subject?: string;
  /** The `email_verified` claim; true by default, as a provider says of the demo users. */
  emailVerified?: boolean;
}

/** The subject a development token carries for `email`: the seeded one of a demo user. */
export function devSubject(email: string): string {
  const demo = demoUserByEmail(email.toLowerCase());
  return demo ? demoSubject(demo) : email;
}

/** What the gateway reads from a default development token, for tools that skip the token. */
export const devSignIn = (email: string, issuer: string): SignIn => ({
  issuer,
  subject: devSubject(email),
  email: email.toLowerCase(),
  emailVerified: true,
});

/** Signs a token like an identity provider would, with the local development key. */
export async function signDevToken(key: DevJwtKey, options: DevTokenOptions): Promise<string> {
  const privateKey = await importJWK(key.privateJwk as never, 'ES256');
  return new SignJWT({ email: options.email, email_verified: options.emailVerified ?? true })
    .setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid as string })
    .setSubject(options.subject ?? devSubject(options.email))
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? '8h')
    .sign(privateKey);
}
