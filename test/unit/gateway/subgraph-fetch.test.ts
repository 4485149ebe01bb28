import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphFetch } from '../../../gateway/subgraph-fetch';
import { subgraphFault } from '../../../lib/federation/subgraph-availability';

// The gateway's subgraph client against a real HTTP server: what RemoteGraphQLDataSource reads
// from an answer, and failures that the fault mapping must recognise as "subgraph unavailable".

describe('createSubgraphFetch', () => {
  let server: Server;
  let base: string;
  const seen: { method?: string; viewer?: string; body: string }[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => {
        body += chunk;
      });
      req.on('end', () => {
        seen.push({ method: req.method, viewer: req.headers['x-viewer-context'] as string, body });
        if (req.url === '/slow') return; // never answers
        res.writeHead(req.url === '/broken' ? 502 : 200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ data: { echo: body } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('sends method, headers and body, and answers like a fetch Response', async () => {
    const fetch = createSubgraphFetch(2_000);
    const answer = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-viewer-context': 'signed' },
      body: '{"query":"{a}"}',
    });
    expect(seen.at(-1)).toEqual({ method: 'POST', viewer: 'signed', body: '{"query":"{a}"}' });
    expect(answer.ok).toBe(true);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('Content-Type')).toBe('application/json');
    expect(answer.headers.get('x-missing')).toBeNull();
    expect(await answer.json()).toEqual({ data: { echo: '{"query":"{a}"}' } });
  });

  it('reports a 5xx as not ok, with its body readable', async () => {
    const answer = await createSubgraphFetch(2_000)(`${base}/broken`, { body: '{}' });
    expect(answer.ok).toBe(false);
    expect(answer.status).toBe(502);
    expect(await answer.text()).toContain('echo');
  });

  it('fails a refused connection and a timeout as the subgraph being unavailable', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const refused = await createSubgraphFetch(2_000)(`http://127.0.0.1:${port}/graphql`, {
      body: '{}',
    }).catch((error: unknown) => error);
    const slow = await createSubgraphFetch(200)(`${base}/slow`, { body: '{}' }).catch(
      (error: unknown) => error,
    );
    for (const failure of [refused, slow]) {
      expect(failure).toBeInstanceOf(Error);
      expect(subgraphFault('cases', failure)).toMatchObject({
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'cases' },
      });
    }
  });
});
