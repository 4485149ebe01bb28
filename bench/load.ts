// Closed-loop HTTP load with autocannon: `connections` clients, each sending the next request as
// soon as the previous answer arrived, for a fixed time. Every answer must equal the reference
// answer byte for byte (the data does not change during a run), so a gateway that answers fast
// but wrong counts errors, not requests.

// autocannon ships no types; these are the parts of its result we read.
interface AutocannonResult {
  /** `total`: the requests that completed. */
  requests: { average: number; total: number };
  latency: { p50: number; p99: number; average: number };
  errors: number;
  timeouts: number;
  mismatches: number;
  non2xx: number;
}

type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
// autocannon is CommonJS without types.
const autocannon: Autocannon = require('autocannon');

export interface LoadTarget {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** The answer every request must get. */
  expectBody: string;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Socket errors, timeouts, non-2xx answers and answers that differ from the reference. */
  errors: number;
  requests: number;
}

export async function runLoad(
  target: LoadTarget,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const result = await autocannon({
    url: target.url,
    method: 'POST',
    headers: { 'content-type': 'application/json', ...target.headers },
    body: target.body,
    expectBody: target.expectBody,
    connections,
    duration: seconds,
    timeout: 30,
  });
  return {
    requestsPerSecond: Math.round(result.requests.average * 10) / 10,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
    requests: result.requests.total,
  };
}
