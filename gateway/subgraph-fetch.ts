import { Agent, type Dispatcher, request } from 'undici';
import { reachSubgraph } from '../lib/federation/subgraph-availability';

// Subgraph fetches over undici's request API, on one keep-alive pool per gateway process. Node's
// global fetch wraps every request and answer in web streams and WHATWG objects: profiled, that
// was about a quarter of the gateway's CPU per request (bench/OPTIMISATIONS.md, change 4).
// What comes back is the part of a fetch Response that RemoteGraphQLDataSource, the in-flight
// sharing and the metrics read.

export interface SubgraphResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  json(): Promise<unknown>;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface SubgraphRequestInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export type SubgraphFetch = (url: string, init: SubgraphRequestInit) => Promise<SubgraphResponse>;

/** Idle keep-alive connections are closed after this; subgraphs keep theirs 5 s (Node's default). */
const KEEP_ALIVE_MS = 4_000;

export function createSubgraphFetch(timeoutMs: number): SubgraphFetch {
  const dispatcher = new Agent({ keepAliveTimeout: KEEP_ALIVE_MS });
  return async (url, init) => {
    const signal = AbortSignal.timeout(timeoutMs);
    const answer = await reachSubgraph(url, signal, () =>
      request(url, {
        method: (init.method ?? 'POST') as Dispatcher.HttpMethod,
        headers: init.headers,
        body: init.body,
        signal,
        dispatcher,
      }),
    );
    return responseOf(url, answer);
  };
}

/** A Response-like view of an answer whose body is read once, as fetch's is. */
function responseOf(url: string, answer: Dispatcher.ResponseData): SubgraphResponse {
  const { statusCode, headers, body } = answer;
  return {
    ok: statusCode >= 200 && statusCode < 300,
    status: statusCode,
    statusText: '',
    url,
    headers: { get: (name) => headerValue(headers, name) },
    json: () => body.json(),
    text: () => body.text(),
    arrayBuffer: () => body.arrayBuffer(),
  };
}

function headerValue(headers: Dispatcher.ResponseData['headers'], name: string): string | null {
  const value = headers[name.toLowerCase()];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : value;
}
