import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGatewayConfig } from '../../gateway/config';
import { startGateway } from '../../gateway/server';
import { createLogger } from '../../lib/logging/logger';

export interface LoneGateway {
  url: string;
  stop(): Promise<void>;
}

/**
 * The gateway alone, for what it answers without asking a subgraph (its own routes, its
 * configuration): the subgraph URLs point at a closed port, and nothing is fetched at start.
 */
export async function startLoneGateway(env: Record<string, string>): Promise<LoneGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lone-gateway-'));
  const nowhere = 'http://127.0.0.1:9/graphql';
  const config = loadGatewayConfig({
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    NODE_ENV: 'test',
    INTERNAL_SECRET: 'lone-gateway-internal-secret-0123456789',
    ACCOUNTS_URL: nowhere,
    BILLING_URL: nowhere,
    CASES_URL: nowhere,
    ...env,
  });
  const gateway = await startGateway(config, createLogger('gateway', 'silent'));
  return {
    url: gateway.url,
    async stop() {
      await gateway.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
