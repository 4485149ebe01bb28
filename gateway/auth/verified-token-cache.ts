import { LRUCache } from 'lru-cache';
import type { TokenVerifier, VerifiedIdentity } from './token-verifier';

const MAX_ENTRIES = 10_000;
/**
 * A verified token is trusted again without a signature check for at most this long (and never
 * past its own expiry), so a key withdrawn from the JWKS stops working within a minute.
 */
const MAX_AGE_MS = 60_000;

interface Entry {
  identity: VerifiedIdentity;
  until: number;
}

/**
 * Remembers tokens that verified, keyed by the whole token string: a client sends the same
 * bearer token with every request, and checking its ES256 signature again each time was the
 * gateway's largest per-request cost after the query itself. Failures are not remembered.
 */
export function cacheVerifiedTokens(verify: TokenVerifier, now = Date.now): TokenVerifier {
  const cache = new LRUCache<string, Entry>({ max: MAX_ENTRIES });
  return async (token) => {
    const hit = cache.get(token);
    if (hit && hit.until > now()) return hit.identity;
    if (hit) cache.delete(token);
    const identity = await verify(token);
    cache.set(token, { identity, until: Math.min(identity.expiresAt * 1000, now() + MAX_AGE_MS) });
    return identity;
  };
}
