import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadGatewayConfig } from '../../gateway/config';
import { type RunningGateway, startGateway } from '../../gateway/server';
import { createLogger } from '../../lib/logging/logger';
import { ALICE } from '../support/demo-users';
import { projectOperation } from '../support/project-operations';
import { type Stack, startStack } from '../support/stack';

// The supergraph names where each subgraph lives (@join__graph(url:)); ACCOUNTS_URL and the others
// replace it only when set. A second gateway, started on a supergraph that carries the stack's
// real (free-port) URLs and no URL settings, must answer from those services.

const SUPERGRAPH = join(__dirname, '..', '..', 'schema', 'supergraph.graphql');
const CLOSED_PORT_URL = 'http://127.0.0.1:9/graphql';

describe('subgraph URLs', () => {
  let stack: Stack;
  const gateways: RunningGateway[] = [];
  beforeAll(async () => {
    stack = await startStack('sqlite');
  });
  afterAll(async () => {
    for (const gateway of gateways) await gateway.close();
    await stack?.stop();
  });

  /** A gateway on a supergraph whose subgraph URLs are `urls`, with extra settings `env`. */
  async function gatewayOn(urls: Record<string, string>, env: Record<string, string> = {}) {
    let sdl = readFileSync(SUPERGRAPH, 'utf8');
    for (const [name, url] of Object.entries(urls)) {
      sdl = sdl.replace(
        new RegExp(`@join__graph\\(name: "${name}", url: "[^"]+"\\)`),
        `@join__graph(name: "${name}", url: "${url}")`,
      );
    }
    const path = join(stack.dataDir, `supergraph-${gateways.length}.graphql`);
    writeFileSync(path, sdl);
    const config = loadGatewayConfig({
      DATA_DIR: stack.dataDir,
      HOST: '127.0.0.1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'silent',
      PORT: '0',
      METRICS_PORT: '0',
      INTERNAL_SECRET: stack.internalSecret,
      JWT_DEV_KEY_FILE: join(stack.dataDir, 'dev-jwt-key.json'),
      SUPERGRAPH_PATH: path,
      ...env,
    });
    const gateway = await startGateway(config, createLogger('gateway', 'silent'));
    gateways.push(gateway);
    return gateway;
  }

  async function supportPicture(gateway: RunningGateway) {
    const response = await fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await stack.token(ALICE)}`,
      },
      body: JSON.stringify({
        query: projectOperation('ContosoAcrossSubgraphs'),
      }),
    });
    return (await response.json()) as { data?: any; errors?: unknown[] };
  }

  const stackUrls = () => ({
    accounts: stack.subgraphs.accounts.url,
    billing: stack.subgraphs.billing.url,
    cases: stack.subgraphs.cases.url,
  });

  it('reaches every subgraph at the URL its supergraph gives, when none is configured', async () => {
    const gateway = await gatewayOn(stackUrls());
    const answer = await supportPicture(gateway);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.organization.name).toBe('Contoso');
    expect(answer.data.organization.subscriptions.length).toBeGreaterThan(0);
    expect(answer.data.organization.cases.totalCount).toBeGreaterThan(0);
    const ready = await fetch(`${gateway.url}/ready`);
    expect(await ready.json()).toEqual({
      ready: true,
      subgraphs: { accounts: true, billing: true, cases: true },
    });
  });

  it('lets BILLING_URL replace the supergraph URL of billing alone', async () => {
    const gateway = await gatewayOn(
      { ...stackUrls(), billing: CLOSED_PORT_URL },
      { BILLING_URL: stack.subgraphs.billing.url },
    );
    const answer = await supportPicture(gateway);
    expect(answer.errors).toBeUndefined();
    expect(answer.data.organization.subscriptions.length).toBeGreaterThan(0);
  });
});
