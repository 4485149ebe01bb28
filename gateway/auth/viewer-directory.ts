import { LRUCache } from 'lru-cache';
import { UnauthenticatedError } from '../../lib/errors/domain-errors';
import { reuseWindowMs, serviceTokenSource } from '../../lib/viewer/service-token';
import { type SignIn, signInKey } from '../../lib/viewer/sign-in';
import { GATEWAY_SERVICE, type Viewer } from '../../lib/viewer/viewer';
import type { ViewerChange } from '../../lib/viewer/viewer-change';
import { VIEWER_HEADER, type ViewerTokenCodec } from '../../lib/viewer/viewer-token';

/** The subgraph every fact of a viewer comes from (and the only one whose mutations change one). */
export const VIEWER_FACTS_SUBGRAPH = 'accounts';

/** A viewer plus its signed form, ready to forward to subgraphs. */
export interface SignedViewer {
  viewer: Viewer;
  token: string;
}

export interface ViewerDirectory {
  resolve(signIn: SignIn): Promise<SignedViewer>;
  anonymous(): Promise<SignedViewer>;
  /** The gateway's own identity for internal calls. */
  service(): Promise<string>;
  /** Forgets the cached viewers a change made stale, so their next request sees fresh facts. */
  forget(change: ViewerChange): void;
  /** Forgets every cached viewer (changes may have been missed). */
  forgetAll(): void;
}

interface Entry {
  value: Promise<SignedViewer>;
  expiresAt: number;
  /** Set once the lookup answered. */
  viewer?: Viewer;
}

const MAX_ENTRIES = 10_000;
const SERVICE_KEY = '\0service';
const ANONYMOUS_KEY = '\0anonymous';

/**
 * Turns a verified sign-in into a signed viewer context by asking accounts, and keeps the answer
 * for a short TTL (well inside the signed token's lifetime) so most requests cost no round trip.
 * Accounts announces every change of roles, delegations and grants (viewer-change-listener.ts),
 * which drops the affected entries at once; the TTL is the backstop when an announcement is lost.
 * Delegation validity is re-checked by subgraphs against `expiresAt` on every use, so caching
 * never extends a delegation.
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
    const entry: Entry = { value: load(), expiresAt: now + ttl };
    cache.set(key, entry);
    entry.value.then(
      (signed) => {
        entry.viewer = signed.viewer;
      },
      () => {
        if (cache.get(key) === entry) cache.delete(key);
      },
    );
    return entry.value;
  };

  const sign = async (viewer: Viewer): Promise<SignedViewer> => ({
    viewer,
    token: await codec.sign(viewer),
  });
  const service = serviceTokenSource(codec);

  async function lookup(signIn: SignIn): Promise<SignedViewer> {
    const response = await fetch(new URL('/internal/viewer', options.accountsUrl), {
      method: 'POST',
      headers: { [VIEWER_HEADER]: await service(), 'content-type': 'application/json' },
      body: JSON.stringify(signIn),
      signal: AbortSignal.timeout(5_000),
    });
    if (response.status === 401) throw new UnauthenticatedError(await refusalOf(response));
    if (!response.ok) throw new Error(`accounts answered ${response.status} resolving a viewer`);
    return sign((await response.json()) as Viewer);
  }

  return {
    resolve: (signIn) => cached(signInKey(signIn), () => lookup(signIn)),
    anonymous: () => cached(ANONYMOUS_KEY, () => sign({ ...GATEWAY_SERVICE, kind: 'anonymous' })),
    service,
    forget({ userIds, partnerIds }) {
      const users = new Set(userIds);
      const partners = new Set(partnerIds);
      for (const [key, { viewer }] of cache) {
        if (key === SERVICE_KEY || key === ANONYMOUS_KEY) continue;
        // A lookup still in flight may have read the facts before the change committed.
        const stale =
          !viewer ||
          (viewer.userId !== null && users.has(viewer.userId)) ||
          (viewer.partnerId !== null && partners.has(viewer.partnerId));
        if (stale) cache.delete(key);
      }
    },
    forgetAll: () => cache.clear(),
  };
}

async function refusalOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as {
    errors?: { message?: string }[];
  } | null;
  return body?.errors?.[0]?.message ?? 'This sign-in is not linked to a user.';
}
