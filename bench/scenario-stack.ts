import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../lib/config/project-root';
import { type Started, startNode, stop, waitUntilUp } from './processes';

// A whole stack (three subgraphs and our gateway, built JS, each its own process) on a data set
// of a scenario's choosing, on ports of its own: the growth scenario runs one per data size.

const ROOT = projectRoot();
const NAMES = ['accounts', 'billing', 'cases'] as const;

export interface ScenarioStack {
  env: Record<string, string>;
  url: string;
  gateway: Started;
  subgraphs: Started[];
  stop(): Promise<void>;
}

function env(basePort: number, dataDir: string, databaseUrl?: string): Record<string, string> {
  const port = (i: number) => String(basePort + i);
  const url = (i: number) => `http://127.0.0.1:${port(i)}/graphql`;
  return {
    DATA_DIR: dataDir,
    SUPERGRAPH_PATH: join(dataDir, 'supergraph.graphql'),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    PORT: port(0),
    ACCOUNTS_PORT: port(1),
    BILLING_PORT: port(2),
    CASES_PORT: port(3),
    ACCOUNTS_URL: url(1),
    BILLING_URL: url(2),
    CASES_URL: url(3),
    RESPONSE_ALARM_INTERVAL_MS: '0',
    SEED_DEMO_DATA: 'false',
    RATE_LIMIT_PER_IP: '100000000',
    RATE_LIMIT_PER_VIEWER: '100000000',
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
}

/** The checked-in supergraph with the subgraph URLs of this stack. */
function writeSupergraph(stackEnv: Record<string, string>): void {
  const sdl = readFileSync(join(ROOT, 'schema', 'supergraph.graphql'), 'utf8').replace(
    /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
    (_, name: string) =>
      `@join__graph(name: "${name}", url: "${stackEnv[`${name.toUpperCase()}_URL`]}")`,
  );
  mkdirSync(stackEnv.DATA_DIR!, { recursive: true });
  writeFileSync(stackEnv.SUPERGRAPH_PATH!, sdl);
}

/** Starts the stack on an already seeded data set (SQLite files in dataDir, or databaseUrl). */
export async function startScenarioStack(
  basePort: number,
  dataDir: string,
  databaseUrl?: string,
): Promise<ScenarioStack> {
  const stackEnv = env(basePort, dataDir, databaseUrl);
  writeSupergraph(stackEnv);
  const subgraphs = NAMES.map((name) =>
    startNode(name, [join(ROOT, 'dist', 'subgraphs', name, 'main.js')], stackEnv),
  );
  const started: Started[] = [...subgraphs];
  const stopAll = () => Promise.all(started.map(stop)).then(() => undefined);
  try {
    await Promise.all(
      subgraphs.map((s, i) => waitUntilUp(s, `http://127.0.0.1:${basePort + 1 + i}/health`)),
    );
    const gateway = startNode('gateway', [join(ROOT, 'dist', 'gateway', 'main.js')], stackEnv);
    started.push(gateway);
    const url = `http://127.0.0.1:${basePort}/graphql`;
    await waitUntilUp(gateway, url.replace('/graphql', '/ready'));
    return { env: stackEnv, url, gateway, subgraphs, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
