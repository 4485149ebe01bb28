import { importJWK, SignJWT } from 'jose';
import type { DevJwtKey } from './dev-secrets';

export interface DevTokenOptions {
  email: string;
  issuer: string;
  audience: string;
  /** e.g. '8h', or seconds since epoch. */
  expiresAt?: string | number;
}

/** Signs a token like an identity provider would, with the local development key. */
export async function signDevToken(key: DevJwtKey, options: DevTokenOptions): Promise<string> {
  const privateKey = await importJWK(key.privateJwk as never, 'ES256');
  return new SignJWT({ email: options.email })
    .setProtectedHeader({ alg: 'ES256', kid: key.privateJwk.kid as string })
    .setSubject(options.email)
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt()
    .setExpirationTime(options.expiresAt ?? '8h')
    .sign(privateKey);
}
