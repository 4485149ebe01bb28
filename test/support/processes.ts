import { join } from 'node:path';
import { TEST_PG_URL } from './database-probe';
import { type ServiceProcess, spawnService } from './service-process';
import type { Stack } from './stack';

// Real processes of the product next to an in-process stack: same secrets, keys and databases,
// free ports.

export interface RunningProcess extends ServiceProcess {
  /** SIGTERM, then waits for the exit. */
  stop(): Promise<void>;
}

async function spawnRunning(entry: string, env: Record<string, string>): Promise<RunningProcess> {
  const service = await spawnService(entry, env);
  return {
    ...service,
    async stop() {
      const { child } = service;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await service.exited;
    },
  };
}

const shared = (stack: Stack) => ({
  DATA_DIR: stack.dataDir,
  INTERNAL_SECRET: stack.internalSecret,
});

/** A gateway process in front of the stack's subgraphs (or others given in `env`). */
export function spawnGateway(stack: Stack, env: Record<string, string> = {}) {
  return spawnRunning(join('gateway', 'main.ts'), {
    ...shared(stack),
    PORT: '0',
    JWT_DEV_KEY_FILE: join(stack.dataDir, 'dev-jwt-key.json'),
    ACCOUNTS_URL: stack.subgraphs.accounts.url,
    BILLING_URL: stack.subgraphs.billing.url,
    CASES_URL: stack.subgraphs.cases.url,
    ...env,
  });
}

/** Another cases replica on the stack's PostgreSQL cases schema. */
export function spawnCases(stack: Stack, env: Record<string, string> = {}) {
  return spawnRunning(join('subgraphs', 'cases', 'main.ts'), {
    ...shared(stack),
    CASES_PORT: '0',
    DATABASE_URL: TEST_PG_URL,
    CASES_DB_SCHEMA: stack.subgraphs.cases.databaseSchema,
    SEED_DEMO_DATA: 'false',
    ACCOUNTS_URL: stack.subgraphs.accounts.url,
    BILLING_URL: stack.subgraphs.billing.url,
    RESPONSE_ALARM_INTERVAL_MS: '0',
    ...env,
  });
}

/** Another accounts process on the stack's PostgreSQL accounts schema (already seeded). */
export function spawnAccounts(stack: Stack, env: Record<string, string> = {}) {
  return spawnRunning(join('subgraphs', 'accounts', 'main.ts'), {
    ...shared(stack),
    ACCOUNTS_PORT: '0',
    DATABASE_URL: TEST_PG_URL,
    ACCOUNTS_DB_SCHEMA: stack.subgraphs.accounts.databaseSchema,
    SEED_DEMO_DATA: 'false',
    ...env,
  });
}
