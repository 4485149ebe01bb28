import { jwtVerify, SignJWT } from 'jose';
import type { Viewer } from './viewer';

// The viewer context travels from gateway to subgraphs as a short-lived HS256 JWS in this header.
// A subgraph that cannot verify it answers nothing, so a made-up identity sent directly to a
// subgraph gets nowhere.
export const VIEWER_HEADER = 'x-viewer-context';
const ISSUER = 'support-graph-gateway';
const AUDIENCE = 'support-graph-subgraphs';
const LIFETIME_SECONDS = 120;

export interface ViewerTokenCodec {
  sign(viewer: Viewer): Promise<string>;
  verify(token: string): Promise<Viewer>;
  /** Seconds a signed token stays valid; callers may cache it for less than that. */
  readonly lifetimeSeconds: number;
}

export function createViewerTokenCodec(secret: string): ViewerTokenCodec {
  const key = new TextEncoder().encode(secret);
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
    async verify(token) {
      const { payload } = await jwtVerify(token, key, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
      });
      return payload.viewer as Viewer;
    },
  };
}
