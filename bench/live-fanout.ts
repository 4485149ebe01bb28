import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureDevInternalSecret, ensureDevJwtKey } from '../lib/config/dev-secrets';
import { signDevToken } from '../lib/config/dev-token';
import { projectRoot } from '../lib/config/project-root';
import type { Arrival } from './live-subscriber';
import { startSubscriberPool } from './live-subscriber-pool';
import { cpuMs, peakRssMiB, rssMiB, type Started, startNode, stop, waitUntilUp } from './processes';
import { percentile, sleep, until } from './stats';

// Live fan-out driver: the three subgraphs and the gateway each in their own process, N
// graphql-ws subscribers (one socket each, the contract's CaseEvents on org-contoso) in this
// process, and addCaseNote mutations at a steady rate through the gateway. Latency is a client's
// receipt time minus (a) the event's `at`, stamped by cases before the commit, and (b) the time
// the mutation's answer reached this process (after the commit), on the same machine clock.
// Unlike the official live part of `npm run bench` (live-bench.ts), it also reports the
// gateway's CPU per event and can resume every client from a cursor.
//
//   npx tsx bench/live-fanout.ts --clients 1000 --events 30 --rate 2 [--resume] [--profile DIR]
//     [--threads N]
//
// --resume gives every client an `after` cursor (its own upstream subscription and execution).
// --threads spreads the subscribers over worker threads (live-subscriber-pool.ts; default: one
// per core).

const ROOT = projectRoot();
const EMAIL = 'alice@contoso.example';
const CASE_ID = 'case-contoso-1';
const ADD_NOTE = 'mutation N($c: ID!, $b: String!) { addCaseNote(caseId: $c, body: $b) { id } }';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string', default: '1000' },
    events: { type: 'string', default: '30' },
    rate: { type: 'string', default: '2' },
    resume: { type: 'boolean', default: false },
    profile: { type: 'string' },
    port: { type: 'string', default: '4600' },
    threads: { type: 'string', default: String(availableParallelism()) },
  },
});
const N = Number(args.clients);
const EVENTS = Number(args.events);
const BASE = Number(args.port);

const children: Started[] = [];
function start(name: string, entry: string, env: Record<string, string>, nodeArgs: string[] = []) {
  const started = startNode(name, [...nodeArgs, '--import', 'tsx', join(ROOT, entry)], env, ROOT);
  children.push(started);
  return started;
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'live-fanout-'));
  const keyFile = join(dataDir, 'dev-jwt-key.json');
  const key = await ensureDevJwtKey(keyFile);
  const env = {
    DATA_DIR: dataDir,
    INTERNAL_SECRET: ensureDevInternalSecret(dataDir).padEnd(32, 'x'),
    ACCOUNTS_PORT: String(BASE + 1),
    BILLING_PORT: String(BASE + 2),
    CASES_PORT: String(BASE + 3),
    METRICS_PORT: String(BASE + 4),
    ACCOUNTS_METRICS_PORT: String(BASE + 5),
    BILLING_METRICS_PORT: String(BASE + 6),
    CASES_METRICS_PORT: String(BASE + 7),
    ACCOUNTS_URL: `http://127.0.0.1:${BASE + 1}/graphql`,
    BILLING_URL: `http://127.0.0.1:${BASE + 2}/graphql`,
    CASES_URL: `http://127.0.0.1:${BASE + 3}/graphql`,
    RESPONSE_ALARM_INTERVAL_MS: '0',
  };
  const subgraphs = ['accounts', 'billing', 'cases'].map((name) =>
    start(name, `subgraphs/${name}/main.ts`, { ...env, HOST: '127.0.0.1' }),
  );
  await Promise.all(
    subgraphs.map((s, i) => waitUntilUp(s, `http://127.0.0.1:${BASE + i + 1}/health`)),
  );
  const gatewayArgs = args.profile ? ['--cpu-prof', `--cpu-prof-dir=${args.profile}`] : [];
  const gateway = start(
    'gateway',
    'gateway/main.ts',
    {
      ...env,
      HOST: '127.0.0.1',
      PORT: String(BASE),
      JWT_DEV_KEY_FILE: keyFile,
      RATE_LIMIT_PER_IP: '100000000',
      RATE_LIMIT_PER_VIEWER: '100000000',
      LIVE_CLIENT_BUFFER: '100000',
    },
    gatewayArgs,
  );
  const url = `http://127.0.0.1:${BASE}/graphql`;
  await waitUntilUp(gateway, `http://127.0.0.1:${BASE}/ready`);
  const pid = gateway.child.pid;
  const token = await signDevToken(key, {
    email: EMAIL,
    issuer: 'support-graph-dev',
    audience: 'support-graph',
  });
  const note = async (body: string): Promise<number> => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: ADD_NOTE, variables: { c: CASE_ID, b: body } }),
    });
    const json = (await response.json()) as { errors?: unknown };
    if (json.errors) throw new Error(`note failed: ${JSON.stringify(json.errors)}`);
    return Date.now();
  };

  // Receipt times per cursor, and each event's `at`.
  const arrivals = new Map<string, number[]>();
  const at = new Map<string, number>();
  const received = (arrival: Arrival) => {
    at.set(arrival.cursor, arrival.at);
    const list = arrivals.get(arrival.cursor) ?? [];
    list.push(arrival.receivedAt);
    arrivals.set(arrival.cursor, list);
  };
  const pool = startSubscriberPool({
    url,
    token,
    threads: Number(args.threads),
    onArrival: received,
    onError: (error) => console.error('first subscription error:', error),
  });
  const connected = () => pool.connected();
  const errors = () => pool.errors();

  // A primer: proves the path, gives the cursor resumed clients start after.
  await pool.add(1, { organizationId: 'org-contoso' });
  await sleep(1000);
  await note('fanout: primer');
  await until(() => arrivals.size > 0, 30_000);
  const primer = [...arrivals.keys()][0]!;
  const variables = args.resume
    ? { organizationId: 'org-contoso', after: primer }
    : { organizationId: 'org-contoso' };
  const rampStart = Date.now();
  await pool.add(N - 1, variables);
  await until(() => connected() + errors() >= N, 60_000);
  // Settle: notes until one reaches every client (subscribing takes a while under load).
  // Clients whose subscription failed (counted and reported) are not waited for.
  const everyone = () => N - errors();
  let settled = false;
  for (let round = 0; round < 30 && !settled; round++) {
    const before = new Set(arrivals.keys());
    await note(`fanout: settle ${round}`);
    settled = await until(
      () => [...arrivals].some(([k, l]) => !before.has(k) && l.length >= everyone()),
      10_000,
    );
  }
  const rampMs = Date.now() - rampStart;
  const idleRss = rssMiB(pid);
  console.error(`connected: ${settled}, rss idle ${idleRss} MiB`);
  const primed = new Set(arrivals.keys());

  const answered: number[] = [];
  const interval = 1000 / Number(args.rate);
  const started = Date.now();
  const cpuBefore = cpuMs(pid);
  const driverBefore = process.cpuUsage();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < EVENTS; i++) {
    await sleep(Math.max(0, started + i * interval - Date.now()));
    pending.push(
      note(`fanout ${i}`).then((t) => {
        answered[i] = t;
      }),
    );
  }
  await Promise.all(pending);
  await until(
    () =>
      [...arrivals.entries()].filter(([k]) => !primed.has(k)).length >= EVENTS &&
      [...arrivals.entries()].every(([k, l]) => primed.has(k) || l.length >= everyone()),
    120_000,
  );
  const cpuPerEvent = Math.round((cpuMs(pid) - cpuBefore) / EVENTS);
  const driver = process.cpuUsage(driverBefore);
  const driverCpuPerEvent = Math.round((driver.user + driver.system) / 1000 / EVENTS);
  const measured = [...arrivals.keys()].filter((k) => !primed.has(k)).sort();
  const fromAt: number[] = [];
  const fromAnswer: number[] = [];
  measured.forEach((cursor, i) => {
    for (const t of arrivals.get(cursor)!) {
      fromAt.push(t - at.get(cursor)!);
      if (answered[i] !== undefined) fromAnswer.push(t - answered[i]!);
    }
  });
  fromAt.sort((a, b) => a - b);
  fromAnswer.sort((a, b) => a - b);
  const result = {
    clients: N,
    resume: args.resume,
    events: measured.length,
    deliveries: fromAt.length,
    missed: EVENTS * N - fromAt.length,
    errors: errors(),
    fromAt: { p50: percentile(fromAt, 50), p99: percentile(fromAt, 99), max: fromAt.at(-1) },
    fromAnswer: { p50: percentile(fromAnswer, 50), p99: percentile(fromAnswer, 99) },
    gatewayRssMiB: { idle: idleRss, peak: peakRssMiB(pid) },
    subscribedAllMs: rampMs,
    gatewayCpuMsPerEvent: cpuPerEvent,
    // The subscribers' own work (this process): parsing every frame on one core.
    subscribersCpuMsPerEvent: driverCpuPerEvent,
    subscriberThreads: Number(args.threads),
  };
  console.log(JSON.stringify(result));
  await pool.dispose();
}

const stopAll = () => Promise.all(children.map(stop));
main()
  .then(stopAll)
  .catch(async (error) => {
    console.error(error);
    await stopAll();
    process.exitCode = 1;
  });
