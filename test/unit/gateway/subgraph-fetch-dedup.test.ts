import { describe, expect, it } from 'vitest';
import type { SubgraphRequestInit } from '../../../gateway/subgraph-fetch';
import { deduplicateQueries } from '../../../gateway/subgraph-fetch-dedup';

// A subgraph stand-in that answers only when told to, so "in flight at the same time" is exact.
function slowSubgraph() {
  const calls: { url: string; body: string; release: () => void }[] = [];
  const fetcher = (url: string, init: SubgraphRequestInit) =>
    new Promise<Response>((resolve) => {
      const n = calls.length + 1;
      calls.push({
        url,
        body: String(init.body),
        release: () => resolve(new Response(`{"data":{"n":${n}}}`, { status: 200 })),
      });
    });
  return { calls, fetcher };
}

const URL_A = 'http://cases/graphql';
const query = (q: string) => JSON.stringify({ query: q, variables: { id: '1' } });
const init = (body: string, viewer = 'viewer-a'): SubgraphRequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-viewer-context': viewer },
  body,
});

describe('deduplicateQueries', () => {
  it('sends one request for identical queries in flight together, each caller reads the answer', async () => {
    const subgraph = slowSubgraph();
    const fetch = deduplicateQueries(subgraph.fetcher);
    const body = query('query Q__cases__0{cases{id}}');
    const answers = [fetch(URL_A, init(body)), fetch(URL_A, init(body)), fetch(URL_A, init(body))];
    await Promise.resolve();
    expect(subgraph.calls).toHaveLength(1);
    subgraph.calls[0].release();
    const texts = await Promise.all((await Promise.all(answers)).map((r) => r.text()));
    expect(texts).toEqual(Array(3).fill('{"data":{"n":1}}'));
  });

  it('never shares between viewers, bodies or subgraphs', async () => {
    const subgraph = slowSubgraph();
    const fetch = deduplicateQueries(subgraph.fetcher);
    const body = query('{cases{id}}');
    const answers = [
      fetch(URL_A, init(body, 'viewer-a')),
      fetch(URL_A, init(body, 'viewer-b')),
      fetch(URL_A, init(query('{cases{number}}'), 'viewer-a')),
      fetch('http://billing/graphql', init(body, 'viewer-a')),
    ];
    await Promise.resolve();
    expect(subgraph.calls).toHaveLength(4);
    for (const call of subgraph.calls) call.release();
    await Promise.all(answers);
  });

  it('sends every mutation on its own', async () => {
    const subgraph = slowSubgraph();
    const fetch = deduplicateQueries(subgraph.fetcher);
    const body = query('mutation M__cases__0{addCaseNote(caseId:"c",body:"b"){id}}');
    const answers = [fetch(URL_A, init(body)), fetch(URL_A, init(body))];
    await Promise.resolve();
    expect(subgraph.calls).toHaveLength(2);
    for (const call of subgraph.calls) call.release();
    await Promise.all(answers);
  });

  it('keeps nothing once the answer is in: the next identical query asks again', async () => {
    const subgraph = slowSubgraph();
    const fetch = deduplicateQueries(subgraph.fetcher);
    const body = query('{cases{id}}');
    const first = fetch(URL_A, init(body));
    await Promise.resolve();
    subgraph.calls[0].release();
    await (await first).text();
    const second = fetch(URL_A, init(body));
    await Promise.resolve();
    expect(subgraph.calls).toHaveLength(2);
    subgraph.calls[1].release();
    expect(await (await second).text()).toBe('{"data":{"n":2}}');
  });
});
