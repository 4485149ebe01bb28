import type { LoadResult } from './load';

// Closed-loop load where consecutive requests come from different viewers: each request takes
// the next entry of a list (headers, body), and its answer must equal that entry's reference
// answer byte for byte. Shared counter: 32 connections still walk the list in order, so at any
// moment the requests in flight are 32 different viewers.

export interface RotatingEntry {
  headers: Record<string, string>;
  body: string;
  expectBody: string;
}

interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p50: number; p99: number };
  errors: number;
  timeouts: number;
  non2xx: number;
}
interface RequestContext {
  entry?: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon is CommonJS without types.
const autocannon: Autocannon = require('autocannon');

export async function runRotatingLoad(
  url: string,
  entries: RotatingEntry[],
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  let next = 0;
  let mismatches = 0;
  const result = await autocannon({
    url,
    method: 'POST',
    connections,
    duration: seconds,
    timeout: 30,
    requests: [
      {
        setupRequest: (request: Record<string, unknown>, context: RequestContext) => {
          const index = next++ % entries.length;
          context.entry = index;
          const entry = entries[index]!;
          return {
            ...request,
            headers: { 'content-type': 'application/json', ...entry.headers },
            body: entry.body,
          };
        },
        onResponse: (status: number, body: string, context: RequestContext) => {
          if (status === 200 && body !== entries[context.entry ?? -1]?.expectBody) mismatches++;
        },
      },
    ],
  });
  return {
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + mismatches,
    requests: result.requests.total,
  };
}
