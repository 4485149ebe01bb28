import { LRUCache } from 'lru-cache';
import { UnauthenticatedError } from '../../lib/errors/domain-errors';
import { reuseWindowMs, serviceTokenSource } from '../../lib/viewer/service-token';
import { GATEWAY_SERVICE, type Viewer } from '../../lib/viewer/viewer';
import { VIEWER_HEADER, type ViewerTokenCodec } from '../../lib/viewer/viewer-token';

/** A viewer plus its signed form, ready to forward to subgraphs. */
export interface SignedViewer {
  viewer: Viewer;
  token: string;
}

export interface ViewerDirectory {
  resolve(email: string): Promise<SignedViewer>;
  anonymous(): Promise<SignedViewer>;
  /** The gateway's own identity for internal calls. */
  service(): Promise<string>;
  /** Forgets a cached viewer, so its next request sees fresh roles, delegations and grants. */
  invalidate(email: string): void;
}

interface Entry {
  value: Promise<SignedViewer>;
  expiresAt: number;
}

const MAX_ENTRIES = 10_000;

/**
 * Turns a verified e-mail into a signed viewer context by asking accounts, and keeps the answer
 * for a short TTL (well inside the signed token's lifetime) so most requests cost no round trip.
 * Delegation validity is re-checked by subgraphs against `expiresAt` on every use, so caching never
 * extends a delegation; a termination is seen within one TTL.
 */
export function createViewerDirectory(options: {
  accountsUrl: string;
  codec: ViewerTokenCodec;
  ttlMs: number;
}): ViewerDirectory {
  const { codec } = options;
  const ttl = Math.min(options.ttlMs, reuseWindowMs(codec));
  const cache = new LRUCache<string, Entry>({ max: MAX_ENTRIES });

  const cached = (key: string, load: () => Promise<SignedViewer>): Promise<SignedViewer> => {
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.expiresAt > now) return hit.value;
    const value = load();
    cache.set(key, { value, expiresAt: now + ttl });
    value.catch(() => cache.delete(key));
    return value;
  };

  const sign = async (viewer: Viewer): Promise<SignedViewer> => ({
    viewer,
    token: await codec.sign(viewer),
  });
  const service = serviceTokenSource(codec);

  async function lookup(email: string): Promise<SignedViewer> {
    const viewerUrl = new URL('/internal/viewer', options.accountsUrl);
    viewerUrl.searchParams.set('email', email);
    const response = await fetch(viewerUrl, {
      headers: { [VIEWER_HEADER]: await service() },
      signal: AbortSignal.timeout(5_000),
    });
    if (response.status === 404) {
      throw new UnauthenticatedError(`No user is registered for ${email}.`);
    }
    if (!response.ok) throw new Error(`accounts answered ${response.status} resolving a viewer`);
    return sign((await response.json()) as Viewer);
  }

  return {
    resolve: (email) => cached(email, () => lookup(email)),
    anonymous: () => cached('\0anonymous', () => sign({ ...GATEWAY_SERVICE, kind: 'anonymous' })),
    service,
    invalidate: (email) => cache.delete(email),
  };
}
