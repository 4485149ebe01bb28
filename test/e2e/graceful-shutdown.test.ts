import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack';

const ROOT = join(__dirname, '..', '..');
const ALICE = 'alice@contoso.example';
const SLOW_MS = 1_500;

/** Runs gateway/main.ts as a real process in front of the stack's subgraphs. */
async function spawnGateway(stack: Stack): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'gateway', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: stack.dataDir,
      INTERNAL_SECRET: stack.internalSecret,
      JWT_DEV_KEY_FILE: join(stack.dataDir, 'dev-jwt-key.json'),
      ACCOUNTS_URL: stack.subgraphs.accounts.url,
      BILLING_URL: stack.subgraphs.billing.url,
      CASES_URL: stack.subgraphs.cases.url,
      SUBGRAPH_TIMEOUT_MS: String(SLOW_MS),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for await (const line of createInterface({ input: child.stdout! })) {
    const url = /"url":"([^"]+\/graphql)"/.exec(line)?.[1];
    if (url) return { child, url };
  }
  throw new Error('the gateway exited before listening');
}

describe('graceful shutdown', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('sqlite');
  });
  afterAll(() => stack?.stop());

  it('on SIGTERM, refuses new work, finishes the request in flight, then exits 0', async () => {
    const { child, url } = await spawnGateway(stack);
    const exited = once(child, 'exit');
    const token = await stack.token(ALICE);
    const ask = () =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: '{ organization(id: "org-contoso") { name subscriptions { id } } }',
        }),
      });
    expect((await ask()).status).toBe(200); // warm: viewer cached, connections open

    await stack.stopSubgraph('billing', { hang: true }); // the next request takes SLOW_MS
    const inFlight = ask();
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    await expect(fetch(url.replace('/graphql', '/health'))).rejects.toThrow();

    const response = await inFlight;
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, any>;
    expect(body.data.organization.name).toBe('Contoso');
    expect(body.errors[0].extensions.code).toBe('SUBGRAPH_UNAVAILABLE');
    const [code] = await exited;
    expect(code).toBe(0);
    await stack.restartSubgraph('billing');
  }, 20_000);
});
