import { jwtVerify, SignJWT } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Viewer } from './viewer';

// The viewer context travels from gateway to subgraphs as a short-lived HS256 JWS in this header.
// A subgraph that cannot verify it answers nothing, so a made-up identity sent directly to a
// subgraph gets nowhere.
export const VIEWER_HEADER = 'x-viewer-context';
const ISSUER = 'support-graph-gateway';
const AUDIENCE = 'support-graph-subgraphs';
const LIFETIME_SECONDS = 120;
/** Verified tokens remembered per process; the gateway reuses one token per viewer for a while. */
const MAX_REMEMBERED = 5_000;

export interface ViewerTokenCodec {
  sign(viewer: Viewer): Promise<string>;
  verify(token: string): Promise<Viewer>;
  /** Seconds a signed token stays valid; callers may cache it for less than that. */
  readonly lifetimeSeconds: number;
}

/**
 * Verified viewer contexts, keyed by the whole token string, until the token's own expiry: every
 * subgraph fetch of a request carries the same token, and checking its HMAC and claims again was
 * a fixed cost of each fetch. A token that fails is never remembered, and an expired one is
 * checked again (and refused).
 */
function rememberVerified(verify: (token: string) => Promise<{ viewer: Viewer; exp: number }>) {
  const verified = new LRUCache<string, { viewer: Viewer; expiresAtMs: number }>({
    max: MAX_REMEMBERED,
  });
  return async (token: string): Promise<Viewer> => {
    const hit = verified.get(token);
    if (hit && hit.expiresAtMs > Date.now()) return hit.viewer;
    verified.delete(token);
    const { viewer, exp } = await verify(token);
    verified.set(token, { viewer, expiresAtMs: exp * 1000 });
    return viewer;
  };
}

export function createViewerTokenCodec(secret: string): ViewerTokenCodec {
  const key = new TextEncoder().encode(secret);
  const verify = rememberVerified(async (token) => {
    const { payload } = await jwtVerify(token, key, {
      issuer: ISSUER,
      audience: AUDIENCE,
      algorithms: ['HS256'],
      requiredClaims: ['exp'],
    });
    return { viewer: payload.viewer as Viewer, exp: payload.exp as number };
  });
  return {
    lifetimeSeconds: LIFETIME_SECONDS,
    sign: (viewer) =>
      new SignJWT({ viewer })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(`${LIFETIME_SECONDS}s`)
        .sign(key),
    verify,
  };
}
