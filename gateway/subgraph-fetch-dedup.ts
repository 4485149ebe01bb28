import { VIEWER_HEADER } from '../lib/viewer/viewer-token';
import type { SubgraphFetch, SubgraphRequestInit, SubgraphResponse } from './subgraph-fetch';

interface Shared {
  answer: SubgraphResponse;
  body: Uint8Array;
}

// RemoteGraphQLDataSource sends `{"query":"<operation>",...}`, the query text first; the query
// planner writes subgraph operations as `query ...` or `{ ... }`, never a mutation in that form.
const QUERY_BODY = /^\{"query":"(query\b|\{)/;

const viewerOf = (init: SubgraphRequestInit): string => init.headers?.[VIEWER_HEADER] ?? '';

/** The caller's own view of a shared answer: it parses the bytes itself, nothing parsed is shared. */
function replay({ answer, body }: Shared): SubgraphResponse {
  const text = () => Promise.resolve(Buffer.from(body).toString('utf8'));
  return {
    ...answer,
    text,
    json: () => text().then(JSON.parse),
    arrayBuffer: () => Promise.resolve(body.slice().buffer),
  };
}

/**
 * Identical subgraph queries in flight at the same moment (same subgraph URL, same body, same
 * signed viewer context) share one HTTP request: under load many clients ask the same thing, and
 * the subgraph then does the work once. Only queries: a mutation always goes out on its own.
 * Each caller gets its own response over the shared bytes, so nothing parsed is shared between
 * requests; the entry is dropped as soon as the answer is in, so nothing is cached beyond that.
 */
export function deduplicateQueries(fetcher: SubgraphFetch): SubgraphFetch {
  const inFlight = new Map<string, Promise<Shared>>();
  return async (url, init) => {
    const body = typeof init.body === 'string' ? init.body : null;
    if (body === null || !QUERY_BODY.test(body)) return fetcher(url, init);
    const key = `${url}\n${viewerOf(init)}\n${body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      shared = fetcher(url, init)
        // Bytes, not text: each caller decodes them once.
        .then(async (answer) => ({ answer, body: new Uint8Array(await answer.arrayBuffer()) }))
        .finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    return replay(await shared);
  };
}
