import { createLocalJWKSet, createRemoteJWKSet, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { ensureDevJwtKey } from '../../lib/config/dev-secrets';
import { UnauthenticatedError } from '../../lib/errors/domain-errors';
import type { SignIn } from '../../lib/viewer/sign-in';
import type { GatewayConfig } from '../config';
import { signInOf } from './token-subject';

export interface VerifiedIdentity {
  signIn: SignIn;
  /** Seconds since epoch when the token stops being valid; live connections close then. */
  expiresAt: number;
}

export type TokenVerifier = (token: string) => Promise<VerifiedIdentity>;

async function keySet(config: GatewayConfig['jwt']): Promise<JWTVerifyGetKey> {
  if (config.jwksUrl) return createRemoteJWKSet(new URL(config.jwksUrl));
  const { publicJwk } = await ensureDevJwtKey(config.devKeyFile);
  return createLocalJWKSet({ keys: [publicJwk as never] });
}

/** Verifies signature, issuer, audience and expiry; the person is named by its subject. */
export async function createTokenVerifier(config: GatewayConfig['jwt']): Promise<TokenVerifier> {
  const keys = await keySet(config);
  return async (token) => {
    try {
      const { payload } = await jwtVerify(token, keys, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: ['ES256', 'RS256', 'EdDSA'],
        requiredClaims: ['exp'],
      });
      const signIn = signInOf(payload);
      if (!signIn) throw new Error('no subject claim');
      return { signIn, expiresAt: payload.exp! };
    } catch {
      throw new UnauthenticatedError('The bearer token is invalid or expired: sign in again.');
    }
  };
}
