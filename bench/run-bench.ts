import 'reflect-metadata';
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { createViewerDirectory } from '../gateway/auth/viewer-directory';
import { loadGatewayConfig } from '../gateway/config';
import { ensureDevJwtKey } from '../lib/config/dev-secrets';
import { devSignIn, signDevToken } from '../lib/config/dev-token';
import { projectRoot } from '../lib/config/project-root';
import { loadSubgraphConfig, type SubgraphName } from '../lib/config/subgraph-config';
import { createOrm } from '../lib/orm/create-orm';
import { createViewerTokenCodec, VIEWER_HEADER } from '../lib/viewer/viewer-token';
import { SUBGRAPHS } from '../subgraphs/registry';
import { type BaselineBuild, copyBenchData, prepareBaseline } from './baseline-build';
import { type BenchConfig, type GatewayKind, loadBenchConfig } from './bench-config';
import { runDataGrowth } from './data-growth';
import { recordSubgraphFetches, runDirectLoad } from './direct-baseline';
import { runLiveBench } from './live-bench';
import { type LoadResult, runLoad } from './load';
import { runMixedLoad } from './mixed-load';
import { contractOperation } from './operations';
import { cpuMs, peakRssMiB, type Started, startNode, stop, waitUntilUp } from './processes';
import { renderReport, type ScenarioResult } from './report';
import { measureRotating, type RotatingResult } from './rotating-scenario';
import { ROTATING_EMAILS } from './rotating-viewers';
import { parseScenarioArgs, type Scenario } from './scenario-args';
import { seedBenchData } from './seed-bench-data';
import { seedBenchViewers } from './seed-bench-viewers';

// `npm run bench`: seeds the bench data set, starts the three subgraphs once (built JS), then
// measures each gateway in turn against them, the direct baseline, and the live updates.

const ROOT = projectRoot();

/**
 * The checked-in supergraph with only the subgraph URLs pointed at the bench ports, so every
 * gateway (and the direct recording) plans against the same schema.
 */
function writeBenchSupergraph(root: string, env: Record<string, string>): string {
  const sdl = readFileSync(join(root, 'schema', 'supergraph.graphql'), 'utf8').replace(
    /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
    (_, name: string) =>
      `@join__graph(name: "${name}", url: "${env[`${name.toUpperCase()}_URL`]}")`,
  );
  mkdirSync(env.DATA_DIR, { recursive: true });
  writeFileSync(env.SUPERGRAPH_PATH, sdl);
  return env.SUPERGRAPH_PATH;
}

export const OPERATIONS = [
  {
    name: 'SupportPicture',
    query: contractOperation('support-picture'),
    variables: { organizationId: 'org-contoso' },
    email: 'alice@contoso.example',
  },
  {
    name: 'PartnerDashboard',
    query: contractOperation('partner-dashboard'),
    variables: {},
    email: 'agent@litware.example',
  },
];

const log = (message: string) => console.error(`[bench ${new Date().toISOString()}] ${message}`);

function stackEnv(
  config: BenchConfig,
  dataDir = config.dataDir,
  basePort = config.basePort,
): Record<string, string> {
  const [gateway, accounts, billing, cases] = [0, 1, 2, 3].map((i) => basePort + i);
  return {
    DATA_DIR: dataDir,
    SUPERGRAPH_PATH: join(dataDir, 'supergraph.graphql'),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    PORT: String(gateway),
    ACCOUNTS_PORT: String(accounts),
    BILLING_PORT: String(billing),
    CASES_PORT: String(cases),
    // Each process's /metrics listens apart from its public port, in its own stack's range (the
    // baseline's subgraphs took the current stack's and exited: EADDRINUSE).
    METRICS_PORT: String(basePort + 4),
    ACCOUNTS_METRICS_PORT: String(basePort + 5),
    BILLING_METRICS_PORT: String(basePort + 6),
    CASES_METRICS_PORT: String(basePort + 7),
    ACCOUNTS_URL: `http://127.0.0.1:${accounts}/graphql`,
    BILLING_URL: `http://127.0.0.1:${billing}/graphql`,
    CASES_URL: `http://127.0.0.1:${cases}/graphql`,
    // The seeded cases are mostly unanswered and past due: the response-alarm scheduler would
    // raise thousands of breaches during the measurements and skew both loads.
    RESPONSE_ALARM_INTERVAL_MS: '0',
  };
}

async function seed(env: Record<string, string>): Promise<void> {
  const started = Date.now();
  for (const subgraph of SUBGRAPHS) {
    const config = loadSubgraphConfig(subgraph.name, env);
    const { orm } = await createOrm(subgraph.ormOptions(config));
    await subgraph.seed(orm.em.fork());
    await seedBenchData(subgraph.name, orm.em.fork());
    if (subgraph.name === 'accounts') await seedBenchViewers(orm.em.fork());
    await orm.close();
  }
  log(`data set ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function startSubgraphs(
  env: Record<string, string>,
  root = ROOT,
  profile: string[] = [],
): Promise<Started[]> {
  const started = SUBGRAPHS.map((s) =>
    startNode(
      s.name,
      [...profile, join(root, 'dist', 'subgraphs', s.name, 'main.js')],
      { ...env, SEED_DEMO_DATA: 'false' },
      root,
    ),
  );
  await Promise.all(
    started.map((s) =>
      waitUntilUp(s, `http://127.0.0.1:${env[`${s.name.toUpperCase()}_PORT`]}/health`),
    ),
  );
  return started;
}

/** With BENCH_CPU_PROF_DIR, the current stack's processes write CPU profiles there on exit. */
const profileArgs = (config: BenchConfig) =>
  config.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${config.cpuProfDir}`] : [];

/** `baseline`: our gateway as built from BENCH_BASELINE_REF, in front of that ref's subgraphs. */
type MeasuredKind = GatewayKind | 'baseline';
const measures = (config: BenchConfig, operation: string) =>
  config.operations.length === 0 || config.operations.includes(operation);

const isOurs = (kind: MeasuredKind) =>
  kind === 'ours' || kind === 'ours-unshared' || kind === 'baseline';

function startGatewayProcess(
  kind: MeasuredKind,
  env: Record<string, string>,
  config: BenchConfig,
  root: string,
): Started {
  if (isOurs(kind)) {
    const profile = root === ROOT ? profileArgs(config) : [];
    // Rate limits stay on (their cost is part of the measure) but high enough not to refuse load.
    return startNode(
      'our gateway',
      [...profile, join(root, 'dist', 'gateway', 'main.js')],
      {
        ...env,
        RATE_LIMIT_PER_IP: '100000000',
        RATE_LIMIT_PER_VIEWER: '100000000',
        SUBGRAPH_FETCH_SHARING: String(kind !== 'ours-unshared'),
      },
      root,
    );
  }
  if (kind === 'plain') {
    return startNode(
      'plain gateway',
      [join(ROOT, 'dist', 'bench', 'plain-gateway.js'), env.SUPERGRAPH_PATH, env.PORT],
      {},
    );
  }
  const hiveBin = join(
    dirname(require.resolve('@graphql-hive/gateway/package.json')),
    'dist',
    'bin.js',
  );
  return startNode(
    'hive gateway',
    [
      hiveBin,
      'supergraph',
      env.SUPERGRAPH_PATH,
      '--port',
      env.PORT,
      '--host',
      '127.0.0.1',
      '--config-path',
      join(ROOT, 'bench', 'hive-gateway.config.cjs'),
    ],
    { NODE_ENV: 'production', LOG_LEVEL: 'warn' },
  );
}

interface Credentials {
  bearer: Record<string, string>;
  /** Fresh signed viewer contexts (they live 120 s), for the gateways that only propagate. */
  viewerContext: (email: string) => Promise<string>;
}

async function credentials(env: Record<string, string>): Promise<Credentials> {
  const gateway = loadGatewayConfig(env);
  const key = await ensureDevJwtKey(gateway.jwt.devKeyFile);
  const bearer: Record<string, string> = {};
  for (const email of new Set([...OPERATIONS.map((op) => op.email), ...ROTATING_EMAILS])) {
    bearer[email] = await signDevToken(key, {
      email,
      issuer: gateway.jwt.issuer,
      audience: gateway.jwt.audience,
    });
  }
  const directory = createViewerDirectory({
    accountsUrl: env.ACCOUNTS_URL!,
    codec: createViewerTokenCodec(gateway.internalSecret),
    ttlMs: 0,
  });
  return {
    bearer,
    viewerContext: async (email) =>
      (await directory.resolve(devSignIn(email, gateway.jwt.issuer))).token,
  };
}

async function headersFor(
  kind: MeasuredKind,
  email: string,
  creds: Credentials,
): Promise<Record<string, string>> {
  return isOurs(kind)
    ? { authorization: `Bearer ${creds.bearer[email]}` }
    : { [VIEWER_HEADER]: await creds.viewerContext(email) };
}

/** One request through the gateway, checked: the reference answer for the load that follows. */
async function referenceAnswer(url: string, headers: Record<string, string>, body: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  if (!response.ok || text.includes('"errors"')) {
    throw new Error(`reference request failed (${response.status}): ${text.slice(0, 500)}`);
  }
  return text;
}

/** One request, answered whatever it says: it queues behind what the load left in flight. */
async function settle(url: string, headers: Record<string, string>, body: string) {
  await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })
    .then((r) => r.text())
    .catch(() => undefined);
}

async function sqlStatements(env: Record<string, string>): Promise<number> {
  let total = 0;
  for (const name of ['accounts', 'billing', 'cases'] as SubgraphName[]) {
    const port = env[`${name.toUpperCase()}_METRICS_PORT`];
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    total += Number(/^sql_statements_total\{[^}]*\} (\d+)$/m.exec(text)?.[1] ?? 0);
  }
  return total;
}

interface Measured {
  identical: ScenarioResult[];
  rotating: RotatingResult[];
}

interface Stack {
  env: Record<string, string>;
  subgraphs: Started[];
  root: string;
}

/**
 * Our gateway's rotating scenarios run interleaved with the baseline stack's (when there is
 * one), whose gateway starts for them; other gateways run theirs alone.
 */
async function rotatingScenarios(
  kind: MeasuredKind,
  gateway: Started,
  stack: Stack,
  config: BenchConfig,
  creds: Credentials,
  baseline: Stack | null,
): Promise<RotatingResult[]> {
  const target = (k: MeasuredKind, process: Started, s: Stack) => ({
    gateway: k,
    url: `http://127.0.0.1:${s.env.PORT}/graphql`,
    gatewayPid: process.child.pid,
    subgraphPids: s.subgraphs.map((p) => p.child.pid),
    headersFor: (email: string) => headersFor(k, email, creds),
    config,
    measures: (operation: string) => measures(config, operation),
    log,
  });
  if (kind !== 'ours' || !baseline) return measureRotating([target(kind, gateway, stack)]);
  log('starting baseline gateway (interleaved with ours)');
  const other = startGatewayProcess('baseline', baseline.env, config, baseline.root);
  try {
    await waitUntilUp(other, `http://127.0.0.1:${baseline.env.PORT}/ready`);
    return await measureRotating([
      target(kind, gateway, stack),
      target('baseline', other, baseline),
    ]);
  } finally {
    await stop(other);
  }
}

async function measureGateway(
  kind: MeasuredKind,
  config: BenchConfig,
  creds: Credentials,
  stack: Stack,
  baseline: Stack | null,
): Promise<Measured> {
  const { env } = stack;
  log(`starting ${kind} gateway`);
  const gateway = startGatewayProcess(kind, env, config, stack.root);
  const url = `http://127.0.0.1:${env.PORT}/graphql`;
  const results: ScenarioResult[] = [];
  let rotating: RotatingResult[] = [];
  try {
    // Our gateway's /ready waits for the subgraphs; the others answer on /graphql once listening.
    await waitUntilUp(gateway, isOurs(kind) ? url.replace('/graphql', '/ready') : url);
    for (const op of OPERATIONS.filter((o) => measures(config, o.name))) {
      const body = JSON.stringify({ query: op.query, variables: op.variables });
      const headers = await headersFor(kind, op.email, creds);
      const expectBody = await referenceAnswer(url, headers, body);
      let sqlPerRequest: number | null = null;
      if (kind === 'ours') {
        const before = await sqlStatements(env);
        await referenceAnswer(url, headers, body);
        sqlPerRequest = (await sqlStatements(env)) - before;
      }
      const target = { url, headers, body, expectBody };
      log(`${kind} ${op.name}: warm-up ${config.warmupSeconds} s`);
      await runLoad(target, config.connections, config.warmupSeconds);
      log(`${kind} ${op.name}: measuring ${config.durationSeconds} s`);
      const load = await runLoad(target, config.connections, config.durationSeconds);
      // autocannon stops with requests still in flight; wait for them, so that the one-client
      // phase measures one request, not the tail of the load's queue.
      await settle(url, headers, body);
      const cpuBefore = cpuMs(gateway.child.pid);
      const single = config.singleClientSeconds
        ? await runLoad(target, 1, config.singleClientSeconds)
        : null;
      const cpuPerRequest = single?.requests
        ? Math.round(((cpuMs(gateway.child.pid) - cpuBefore) / single.requests) * 10) / 10
        : null;
      results.push({
        gateway: kind,
        operation: op.name,
        ...load,
        singleClientP50Ms: single?.p50Ms ?? null,
        singleClientCpuMs: cpuPerRequest,
        peakRssMiB: peakRssMiB(gateway.child.pid),
        sqlPerRequest,
        responseBytes: expectBody.length,
      });
    }
    // The baseline's own pass measures identical traffic only: its rotating rows came with ours.
    if (kind !== 'baseline') {
      rotating = await rotatingScenarios(kind, gateway, stack, config, creds, baseline);
    }
  } finally {
    await stop(gateway);
  }
  return { identical: results, rotating };
}

const baselineEnv = (config: BenchConfig) =>
  stackEnv(config, join(config.dataDir, 'baseline'), config.basePort + 10);

/**
 * Our gateway and subgraphs as of BENCH_BASELINE_REF, on a copy of the same bench data and on
 * ports of their own (basePort + 10), running beside the current stack for the whole run.
 */
async function startBaseline(config: BenchConfig, build: BaselineBuild): Promise<Stack> {
  const env = baselineEnv(config);
  writeBenchSupergraph(build.root, env);
  return { env, root: build.root, subgraphs: await startSubgraphs(env, build.root) };
}

async function measureDirect(
  config: BenchConfig,
  env: Record<string, string>,
  creds: Credentials,
): Promise<ScenarioResult[]> {
  const supergraph = readFileSync(env.SUPERGRAPH_PATH, 'utf8');
  const results: ScenarioResult[] = [];
  for (const op of OPERATIONS.filter((o) => measures(config, o.name))) {
    const viewerContext = await creds.viewerContext(op.email);
    const fetches = await recordSubgraphFetches(supergraph, op.query, op.variables, viewerContext);
    log(`direct ${op.name}: ${fetches.length} subgraph fetches; warm-up, then measuring`);
    await runDirectLoad(fetches, viewerContext, config.connections, config.warmupSeconds);
    const load: LoadResult = await runDirectLoad(
      fetches,
      viewerContext,
      config.connections,
      config.durationSeconds,
    );
    const single = config.singleClientSeconds
      ? await runDirectLoad(fetches, viewerContext, 1, config.singleClientSeconds)
      : null;
    results.push({
      gateway: 'direct',
      operation: op.name,
      ...load,
      singleClientP50Ms: single?.p50Ms ?? null,
      singleClientCpuMs: null,
      peakRssMiB: null,
      sqlPerRequest: null,
      responseBytes: null,
    });
  }
  return results;
}

function machine() {
  const commit = (() => {
    try {
      const sha = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
      const dirty = execSync('git status --porcelain', { cwd: ROOT }).toString().trim();
      return dirty ? `${sha} (with uncommitted changes)` : sha;
    } catch {
      return 'unknown';
    }
  })();
  return {
    date: new Date().toISOString(),
    nproc: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    commit,
  };
}

async function main(): Promise<void> {
  const config = loadBenchConfig();
  const args = parseScenarioArgs();
  const wants = (scenario: Scenario) => args.scenarios.has(scenario);
  // Built first: it takes minutes, and a ref that does not build should fail the run early.
  const baseline = config.baselineRef ? prepareBaseline(config.baselineRef, ROOT, log) : null;
  const env = stackEnv(config);
  writeBenchSupergraph(ROOT, env);
  await seed(env);
  const creds = await credentials(env);
  // Copied before any subgraph opens the databases (a consistent snapshot of the same data) and
  // after the development keys exist, so both stacks accept the same tokens.
  if (baseline) copyBenchData(config.dataDir, baselineEnv(config).DATA_DIR);
  const scenarios: ScenarioResult[] = [];
  const rotating: RotatingResult[] = [];
  const live = [];
  let mixed: Awaited<ReturnType<typeof runMixedLoad>> | null = null;
  let growth: Awaited<ReturnType<typeof runDataGrowth>> | null = null;
  const current: Stack = {
    env,
    root: ROOT,
    subgraphs: await startSubgraphs(env, ROOT, profileArgs(config)),
  };
  const base = baseline ? await startBaseline(config, baseline) : null;
  const subgraphs = [...current.subgraphs, ...(base?.subgraphs ?? [])];
  try {
    for (const kind of wants('gateways') ? config.gateways : []) {
      const measured = await measureGateway(kind, config, creds, current, base);
      scenarios.push(...measured.identical);
      rotating.push(...measured.rotating);
    }
    if (base && wants('gateways')) {
      scenarios.push(...(await measureGateway('baseline', config, creds, base, null)).identical);
    }
    if (config.direct && wants('gateways')) {
      scenarios.push(...(await measureDirect(config, env, creds)));
    }
    for (const subscribers of wants('live') ? config.liveSubscribers : []) {
      const common = { config, subscribers, bearer: creds.bearer, log };
      live.push(await runLiveBench({ ...common, env }));
      if (base) {
        live.push(
          await runLiveBench({ ...common, env: base.env, target: 'baseline', root: base.root }),
        );
      }
    }
    if (wants('mixed')) {
      mixed = await runMixedLoad({ env, config, subgraphs: current.subgraphs, log });
    }
    const postgresUrl = args.million ? config.postgresUrl : null;
    if (wants('growth')) growth = await runDataGrowth({ config, postgresUrl, log });
  } finally {
    await Promise.all(subgraphs.map(stop));
  }
  const run = {
    machine: machine(),
    config,
    baselineCommit: baseline?.commit ?? null,
    scenarios,
    rotating,
    live,
    mixed,
    growth,
  };
  mkdirSync(config.resultsDir, { recursive: true });
  const file = join(config.resultsDir, `${run.machine.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(run, null, 2)}\n`);
  console.log(renderReport(run));
  log(`results written to ${file}`);
}

void main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
