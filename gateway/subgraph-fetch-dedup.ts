import { VIEWER_HEADER } from '../lib/viewer/viewer-token';

type Fetch = (url: string, init: RequestInit) => Promise<Response>;

interface Shared {
  status: number;
  statusText: string;
  headers: Headers;
  body: Uint8Array;
}

// RemoteGraphQLDataSource sends `{"query":"<operation>",...}`, the query text first; the query
// planner writes subgraph operations as `query ...` or `{ ... }`, never a mutation in that form.
const QUERY_BODY = /^\{"query":"(query\b|\{)/;

function viewerOf(init: RequestInit): string {
  const headers = init.headers;
  if (!headers) return '';
  if (headers instanceof Headers) return headers.get(VIEWER_HEADER) ?? '';
  return (headers as Record<string, string>)[VIEWER_HEADER] ?? '';
}

/**
 * Identical subgraph queries in flight at the same moment (same subgraph URL, same body, same
 * signed viewer context) share one HTTP request: under load many clients ask the same thing, and
 * the subgraph then does the work once. Only queries: a mutation always goes out on its own.
 * Each caller gets its own Response over the shared bytes, so nothing parsed is shared between
 * requests; the entry is dropped as soon as the answer is in, so nothing is cached beyond that.
 */
export function deduplicateQueries(fetcher: Fetch): Fetch {
  const inFlight = new Map<string, Promise<Shared>>();
  return async (url, init) => {
    const body = typeof init.body === 'string' ? init.body : null;
    if (body === null || !QUERY_BODY.test(body)) return fetcher(url, init);
    const key = `${url}\n${viewerOf(init)}\n${body}`;
    let shared = inFlight.get(key);
    if (!shared) {
      shared = fetcher(url, init)
        .then(async (r) => ({
          status: r.status,
          statusText: r.statusText,
          headers: r.headers,
          // Bytes, not text: each caller's json() decodes them once (text would be decoded,
          // re-encoded into the new Response, then decoded again).
          body: new Uint8Array(await r.arrayBuffer()),
        }))
        .finally(() => inFlight.delete(key));
      inFlight.set(key, shared);
    }
    const { status, statusText, headers, body: bytes } = await shared;
    return new Response(bytes, { status, statusText, headers });
  };
}
