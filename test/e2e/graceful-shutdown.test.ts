import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_SERVICE } from '../../lib/viewer/viewer';
import { createViewerTokenCodec, VIEWER_HEADER } from '../../lib/viewer/viewer-token';
import { ALICE } from '../support/demo-users';
import { spawnGateway } from '../support/processes';
import { projectOperation } from '../support/project-operations';
import { spawnService } from '../support/service-process';
import { type Stack, startStack } from '../support/stack';
import { connectGraphqlWs } from '../support/ws-close';

const SLOW_MS = 1_500;
const GOING_AWAY = 1001;

const healthOf = (graphqlUrl: string) => fetch(graphqlUrl.replace('/graphql', '/health'));

/**
 * A POST whose body arrives only after `between` has run. It asks `Expect: 100-continue`, so
 * `between` starts once the server has answered 100: the server holds the request as in flight,
 * whatever the machine's load, and the test needs no sleep to be sure of it.
 */
function postAfter(
  url: string,
  headers: Record<string, string>,
  body: string,
  between: () => Promise<void>,
): Promise<{ status: number; body: Record<string, any> }> {
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'POST',
      headers: {
        ...headers,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        expect: '100-continue',
      },
    });
    req.on('continue', () => {
      between().then(() => req.end(body), reject);
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

describe('graceful shutdown', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('sqlite');
  });
  afterAll(() => stack?.stop());

  it('on SIGTERM, refuses new work, finishes the request in flight, then exits 0', async () => {
    const { child, url, exited } = await spawnGateway(stack, {
      SUBGRAPH_TIMEOUT_MS: String(SLOW_MS),
    });
    const token = await stack.token(ALICE);
    const headers = { authorization: `Bearer ${token}` };
    const query = JSON.stringify({
      query: projectOperation('ContosoSubscriptions'),
    });
    const warm = await postAfter(url, headers, query, async () => {});
    expect(warm.status).toBe(200); // warm: viewer cached, connections open

    await stack.stopSubgraph('billing', { hang: true }); // the request below takes SLOW_MS
    const response = await postAfter(url, headers, query, async () => {
      child.kill('SIGTERM');
      await expect
        .poll(() =>
          healthOf(url).then(
            () => 'up',
            () => 'refused',
          ),
        )
        .toBe('refused');
    });
    expect(response.status).toBe(200);
    expect(response.body.data.organization.name).toBe('Contoso');
    expect(response.body.errors[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(await exited).toBe(0);
    await stack.restartSubgraph('billing');
  }, 20_000);

  it('on SIGTERM, closes graphql-ws connections as going away (1001), then exits 0', async () => {
    const { child, url, exited } = await spawnGateway(stack, {
      SUBGRAPH_TIMEOUT_MS: String(SLOW_MS),
    });
    const socket = await connectGraphqlWs(url, {
      authorization: `Bearer ${await stack.token(ALICE)}`,
    });
    child.kill('SIGTERM');
    expect(await socket.closeCode).toBe(GOING_AWAY);
    expect(await exited).toBe(0);
  }, 20_000);

  describe('a subgraph process (cases)', () => {
    let dataDir: string;
    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'shutdown-cases-'));
    });
    afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

    it('on SIGTERM, finishes the request in flight, refuses new ones, closes its websockets with 1001, exits 0', async () => {
      const cases = await spawnService('subgraphs/cases/main.ts', {
        CASES_PORT: '0',
        DATA_DIR: dataDir,
        INTERNAL_SECRET: stack.internalSecret,
        ACCOUNTS_URL: stack.subgraphs.accounts.url,
        BILLING_URL: stack.subgraphs.billing.url,
      });
      const viewerContext = await createViewerTokenCodec(stack.internalSecret).sign(
        GATEWAY_SERVICE,
      );
      const socket = await connectGraphqlWs(cases.url, { [VIEWER_HEADER]: viewerContext });
      const query = JSON.stringify({
        query: projectOperation('GlobalServiceHealth'),
      });

      const answer = await postAfter(
        cases.url,
        { [VIEWER_HEADER]: viewerContext },
        query,
        async () => {
          cases.child.kill('SIGTERM');
          expect(await socket.closeCode).toBe(GOING_AWAY);
          await expect
            .poll(() =>
              healthOf(cases.url).then(
                () => 'up',
                () => 'refused',
              ),
            )
            .toBe('refused');
        },
      );
      expect(answer.status).toBe(200);
      expect(answer.body.data.serviceHealth.length).toBeGreaterThan(0);
      expect(await cases.exited).toBe(0);
    }, 30_000);
  });
});
