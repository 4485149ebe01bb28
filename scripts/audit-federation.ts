import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from '../lib/config/project-root';
import { freePort } from '../lib/http/free-port';

// `npm run audit:federation -- <audit checkout> [suite id...]`: runs this gateway through The
// Guild's federation gateway audit (github.com/graphql-hive/federation-gateway-audit), suite by
// suite: the audit serves each suite's subgraphs and supergraph, we start our gateway on that
// supergraph (its subgraph URLs come from @join__graph, none configured), the audit queries it.
// Prints the score and every failing test. The checkout's dependencies come from the npm registry
// on first run (its dev dependencies, the other vendors' gateways, are not needed: one of them,
// the Cosmo CLI wgc, is missing from some mirrors); graphql, its peer, and tsx are this project's.
// Not part of CI, which has no network.

const GATEWAY_MAIN = join(projectRoot(), 'dist', 'gateway', 'main.js');

function usage(): never {
  console.error('usage: npm run audit:federation -- <path of an audit checkout> [suite id...]');
  process.exit(2);
}

function run(command: string, args: string[], cwd: string, env = process.env): Promise<number> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env, stdio: 'inherit' });
    child.once('error', fail);
    child.once('exit', (code) => done(code ?? 1));
  });
}

/** The audit targets Node 22; on Node 20 its CLI needs Promise.withResolvers, added here. */
const POLYFILL = `if (!Promise.withResolvers) {
  Promise.withResolvers = function () {
    let resolve, reject;
    const promise = new this((res, rej) => { resolve = res; reject = rej; });
    return { promise, resolve, reject };
  };
}
`;

/**
 * What the audit runs for each suite ($1): fetch the suite's supergraph from the audit's server,
 * then our gateway on it, with no subgraph URL configured and a data dir of its own.
 */
function runScript(work: string, auditPort: number, gatewayPort: number): string {
  // Inside the script's double quotes: no backticks, no dollar signs.
  const fetchSupergraph =
    "fetch(process.argv[1]).then((r) => (r.ok ? r.text() : Promise.reject(new Error('HTTP ' + r.status))))" +
    ".then((sdl) => require('node:fs').writeFileSync(process.argv[2], sdl))";
  return `#!/bin/sh
set -e
supergraph="${work}/supergraphs/$1.graphql"
node -e "${fetchSupergraph.replaceAll('"', '\\"')}" "http://127.0.0.1:${auditPort}/$1/supergraph" "$supergraph"
unset ACCOUNTS_URL BILLING_URL CASES_URL REDIS_URL
export SUPERGRAPH_PATH="$supergraph" PORT=${gatewayPort} HOST=127.0.0.1 METRICS_PORT=0
export DATA_DIR="${work}/data" NODE_ENV=development LOG_LEVEL=warn TRUSTED_DOCUMENTS=false
exec node "${GATEWAY_MAIN}"
`;
}

/** results.txt of the audit: suite id, then one '.' (pass) or 'X' (fail) per test. */
function score(resultsPath: string) {
  const lines = readFileSync(resultsPath, 'utf8').split('\n');
  const failures: string[] = [];
  let total = 0;
  for (let i = 0; i + 1 < lines.length && lines[i] !== ''; i += 2) {
    const [id, marks] = [lines[i]!, lines[i + 1]!];
    [...marks].forEach((mark, index) => {
      total++;
      if (mark === 'X') failures.push(`${id}_${index}`);
    });
  }
  return { total, passed: total - failures.length, failures };
}

async function installAudit(audit: string): Promise<void> {
  if (!existsSync(join(audit, 'node_modules'))) {
    console.error('installing the audit’s dependencies (npm ci --omit=dev) ...');
    const code = await run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund'], audit);
    if (code !== 0) process.exit(1);
  }
  const graphql = join(audit, 'node_modules', 'graphql');
  if (!existsSync(graphql)) symlinkSync(dirname(require.resolve('graphql/package.json')), graphql);
}

async function main(): Promise<void> {
  const [checkout, ...suites] = process.argv.slice(2);
  if (!checkout) usage();
  const audit = resolve(checkout);
  if (!existsSync(join(audit, 'src', 'cli.ts'))) usage();
  if (!existsSync(GATEWAY_MAIN)) throw new Error(`${GATEWAY_MAIN} is missing: npm run build`);
  await installAudit(audit);
  const work = mkdtempSync(join(tmpdir(), 'federation-audit-'));
  mkdirSync(join(work, 'supergraphs'));
  const [auditPort, gatewayPort] = [await freePort(), await freePort()];
  writeFileSync(join(work, 'run.sh'), runScript(work, auditPort, gatewayPort));
  writeFileSync(join(work, 'promise-with-resolvers.mjs'), POLYFILL);
  const gateway = `http://127.0.0.1:${gatewayPort}`;
  const tsx = pathToFileURL(require.resolve('tsx')).href;
  const cli = ['--import', join(work, 'promise-with-resolvers.mjs'), '--import', tsx];
  const common = [
    ...['--cwd', work, '--run-script', join(work, 'run.sh'), '--port', String(auditPort)],
    ...['--graphql', `${gateway}/graphql`, '--healthcheck', `${gateway}/health`],
  ];
  // The audit waits 5 s for a gateway by default; a loaded machine needs longer.
  const env = { ...process.env, GATEWAY_TIMEOUT: process.env.GATEWAY_TIMEOUT ?? '30000' };
  const results = join(work, 'results.txt');
  if (suites.length > 0) {
    for (const suite of suites) {
      const args = [...cli, 'src/cli.ts', 'test-suite', '--test', suite, ...common];
      const code = await run('node', args, audit, env);
      console.log(`${suite}: ${code === 0 ? 'every test passes' : 'some tests fail (TAP above)'}`);
    }
    return;
  }
  await run('node', [...cli, 'src/cli.ts', 'test', ...common, '--write', results], audit, env);
  const { total, passed, failures } = score(results);
  console.log(`\nfederation gateway audit: ${passed}/${total} tests pass`);
  for (const failure of failures) console.log(`  failed: ${failure}`);
  console.log(`logs of each suite (gateway and tests): ${join(work, 'logs')}`);
}

void main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
