import { type ChildProcess, fork } from 'node:child_process';
import { join } from 'node:path';
import { type GatewayConfig, loadGatewayConfig } from '../gateway/config';
import { ensureDevJwtKey } from '../lib/config/dev-secrets';
import { loadSubgraphConfig, type SubgraphName } from '../lib/config/subgraph-config';

// `npm start`: the three subgraphs and the gateway, each its own process, on embedded SQLite
// under data/ (seeded with the demo tenants on first start). Ctrl-C stops them all.
const SUBGRAPH_NAMES: SubgraphName[] = ['accounts', 'billing', 'cases'];
const children: ChildProcess[] = [];

function spawn(entry: string): ChildProcess {
  const child = fork(join(__dirname, '..', entry), {
    stdio: 'inherit',
    env: { LOG_LEVEL: 'warn', ...process.env },
  });
  children.push(child);
  child.on('exit', (code) => {
    if (code && !stopping) {
      console.error(`${entry} exited with code ${code}; stopping everything.`);
      void stop(1);
    }
  });
  return child;
}

async function waitHealthy(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not become healthy within ${timeoutMs / 1000}s`);
}

function consoleSignIn(gateway: GatewayConfig): string {
  if (gateway.console.oidc) return `sign in at ${gateway.console.oidc.issuer}`;
  return gateway.devSignIn ? 'sign in as any demo user' : 'no sign-in configured';
}

let stopping = false;
async function stop(code: number): Promise<void> {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  setTimeout(() => process.exit(code), 3_000).unref();
}

async function main(): Promise<void> {
  const gateway = loadGatewayConfig();
  await ensureDevJwtKey(gateway.jwt.devKeyFile);
  for (const name of SUBGRAPH_NAMES) spawn(`subgraphs/${name}/main.js`);
  await Promise.all(
    SUBGRAPH_NAMES.map((name) =>
      waitHealthy(`http://127.0.0.1:${loadSubgraphConfig(name).port}/health`),
    ),
  );
  spawn('gateway/main.js');
  await waitHealthy(`http://127.0.0.1:${gateway.port}/ready`);
  const lines = [
    '',
    'The support graph is running.',
    `  gateway   http://localhost:${gateway.port}/graphql   (health /health, readiness /ready)`,
    ...(gateway.explorer
      ? [
          `  explorer  http://localhost:${gateway.port}/graphql   (open it in a browser, sign in as a demo user)`,
        ]
      : []),
    `  console   http://localhost:${gateway.port}/console   (${consoleSignIn(gateway)})`,
    ...SUBGRAPH_NAMES.map(
      (name) =>
        `  ${name.padEnd(9)} http://localhost:${loadSubgraphConfig(name).port}/graphql   (gateway-signed requests only)`,
    ),
    `  metrics   ${[gateway.metrics, ...SUBGRAPH_NAMES.map((n) => loadSubgraphConfig(n).metrics)]
      .map((m) => `http://${m.host}:${m.port}/metrics`)
      .join(' ')}`,
    `  data      ${loadSubgraphConfig('accounts').databaseUrl.replace(/accounts\.sqlite$/, '')}`,
    '',
    'Get a token for a demo user and ask who you are:',
    '  TOKEN=$(npm run -s token -- alice@contoso.example)',
    `  curl -s localhost:${gateway.port}/graphql -H "authorization: Bearer $TOKEN" \\`,
    `    -H 'content-type: application/json' -d '{"query":"{ viewer { email adminRoles organization { name } } }"}'`,
    '',
  ];
  console.log(lines.join('\n'));
  process.once('SIGINT', () => void stop(0));
  process.once('SIGTERM', () => void stop(0));
}

void main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  void stop(1);
});
