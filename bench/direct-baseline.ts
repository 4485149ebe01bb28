import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { VIEWER_HEADER } from '../lib/viewer/viewer-token';
import type { LoadResult } from './load';
import { type PropagatingContext, PropagatingDataSource } from './propagating-data-source';
import { percentile } from './stats';

// The direct baseline: what a client would pay asking the subgraphs itself for the same data.
// We record the subgraph fetches a gateway makes for the operation once (URL and body, and which
// fetches had finished before each started), then replay exactly those fetches straight to the
// subgraphs under the same closed-loop load, honouring the dependencies: parallel where the plan
// was parallel, in sequence where a fetch needed an earlier answer. No parsing, planning or
// merging happens, so the difference to a gateway is what the gateway adds.

interface RecordedFetch {
  url: string;
  body: string;
  /** Indexes of the fetches that had answered before this one started. */
  after: number[];
}

export async function recordSubgraphFetches(
  supergraphSdl: string,
  query: string,
  variables: Record<string, unknown>,
  viewerContext: string,
): Promise<RecordedFetch[]> {
  const fetches: (RecordedFetch & { done: boolean })[] = [];
  const fetcher = async (url: string, init: RequestInit) => {
    const entry = {
      url,
      body: String(init.body),
      after: fetches.flatMap((f, i) => (f.done ? [i] : [])),
      done: false,
    };
    fetches.push(entry);
    const response = await fetch(url, init);
    const text = await response.text();
    entry.done = true;
    return new Response(text, { status: response.status, headers: response.headers });
  };
  const server = new ApolloServer<PropagatingContext>({
    gateway: new ApolloGateway({
      supergraphSdl,
      buildService: ({ url }) => new PropagatingDataSource({ url, fetcher: fetcher as never }),
    }),
  });
  await server.start();
  try {
    const response = await server.executeOperation(
      { query, variables },
      { contextValue: { viewerContext } },
    );
    const body = response.body as { kind: string; singleResult?: { errors?: unknown } };
    if (body.kind !== 'single' || body.singleResult?.errors) {
      throw new Error(`recording failed: ${JSON.stringify(body.singleResult?.errors)}`);
    }
  } finally {
    await server.stop();
  }
  return fetches.map(({ url, body, after }) => ({ url, body, after }));
}

async function replay(fetches: RecordedFetch[], viewerContext: string): Promise<boolean> {
  const running: Promise<boolean>[] = [];
  fetches.forEach((f, i) => {
    running[i] = Promise.all(f.after.map((j) => running[j])).then(async (deps) => {
      const response = await fetch(f.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [VIEWER_HEADER]: viewerContext },
        body: f.body,
      });
      const text = await response.text();
      return deps.every(Boolean) && response.ok && !text.includes('"errors"');
    });
  });
  return (await Promise.all(running)).every(Boolean);
}

/** Replays the recorded fetches with `connections` concurrent clients for `seconds`. */
export async function runDirectLoad(
  fetches: RecordedFetch[],
  viewerContext: string,
  connections: number,
  seconds: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  const end = Date.now() + seconds * 1000;
  const client = async () => {
    while (Date.now() < end) {
      const start = performance.now();
      const ok = await replay(fetches, viewerContext).catch(() => false);
      latencies.push(performance.now() - start);
      if (!ok) errors += 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, client));
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: Math.round((latencies.length / seconds) * 10) / 10,
    p50Ms: Math.round(percentile(latencies, 50)),
    p99Ms: Math.round(percentile(latencies, 99)),
    errors,
    requests: latencies.length,
  };
}
