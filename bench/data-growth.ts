import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../lib/config/project-root';
import type { BenchConfig } from './bench-config';
import {
  type BulkShape,
  bulkAdminEmail,
  bulkAgentEmail,
  bulkCaseId,
  bulkOrganizationId,
  MILLION_CASES,
} from './bulk-seed-postgres';
import { AGENTS, ORGANIZATIONS } from './mixed-viewers';
import { consoleOperation } from './operations';
import { ensureDatabase, preparePostgresData } from './prepare-postgres-data';
import { cpuMs } from './processes';
import { startScenarioStack } from './scenario-stack';
import { percentile, sleep } from './stats';
import { signViewerTokens } from './viewer-tokens';

// Cost as the work grows: one client, one request at a time (latency without queueing), at
// 20,000 cases (the bench's SQLite set) and at 1,000,000 cases over 10,000 organizations and 50
// partners on PostgreSQL (bulk-seed-postgres.ts), plus 20,000 cases on PostgreSQL so the ratio
// of size alone is visible apart from the change of database. Each organization has 100 cases, 30
// of them not closed, at every size: a request reads the same amount, only the tables grow.
//
// The support queue is the console's own query (Query.supportQueue, its 50 cases nearest to
// breach), sent by each cloud's support engineer in turn.

/** The demo seed's support engineers, one per cloud. */
const ENGINEERS = ['engineer@support.microsoft.example', 'engineer@support.21vianet.example'];

export const GROWTH_OPERATIONS = [
  'SupportPicture',
  'CaseDetail',
  'PartnerDashboard (50 customers)',
  'SupportQueue (engineer)',
] as const;

export interface GrowthSize {
  label: string;
  cases: number;
  /** One-client p50 in ms per operation. */
  p50Ms: Record<string, number>;
  requests: Record<string, number>;
  /** CPU ms per request of the gateway and subgraphs together (the database's own not counted). */
  cpuMsPerRequest: Record<string, number | null>;
}

export interface GrowthResult {
  sizes: GrowthSize[];
}

interface Viewers {
  admins: { email: string; organizationId: string; caseIds: string[] }[];
  dashboardAgent: string;
}

const VIEWERS_ROTATED = 50;

/** Global bench organizations 49..98 (bench partner 1's customers), partner 1's agent. */
function sqliteViewers(): Viewers {
  return {
    admins: ORGANIZATIONS.slice(49, 49 + VIEWERS_ROTATED).map((o) => ({
      email: o.admin,
      organizationId: o.id,
      caseIds: o.caseIds,
    })),
    dashboardAgent: AGENTS[1]!.email,
  };
}

/** Bulk organizations 0..49 (partner 0's customers), partner 0's agent. */
function bulkViewers(shape: BulkShape): Viewers {
  return {
    admins: Array.from({ length: VIEWERS_ROTATED }, (_, i) => ({
      email: bulkAdminEmail(i),
      organizationId: bulkOrganizationId(i),
      caseIds: Array.from({ length: shape.casesPerOrganization }, (_, k) => bulkCaseId(i, k)),
    })),
    dashboardAgent: bulkAgentEmail(0),
  };
}

const document = (file: string) =>
  readFileSync(join(projectRoot(), 'contract', 'operations', file), 'utf8');

// Each stack is a fresh set of processes: warm them (JIT, connection pools, the gateway's plan
// and viewer caches) before measuring, and measure enough requests for a p50 on a busy host.
const WARM_UP = { seconds: 5, requests: 30 };
const MEASURE = { requests: 50, maxSeconds: 30 };

/** Runs `once` one call at a time: a warm-up, then `seconds` (and at least 50 calls) measured. */
async function oneClient(once: (i: number) => Promise<void>, seconds: number, cpu: () => number) {
  let i = 0;
  const warmEnd = Date.now() + WARM_UP.seconds * 1000;
  while (Date.now() < warmEnd || i < WARM_UP.requests) await once(i++);
  const measuredFrom = cpu();
  const latencies: number[] = [];
  const end = Date.now() + seconds * 1000;
  const cap = Date.now() + MEASURE.maxSeconds * 1000;
  while ((Date.now() < end || latencies.length < MEASURE.requests) && Date.now() < cap) {
    const started = performance.now();
    await once(i++);
    latencies.push(performance.now() - started);
  }
  latencies.sort((a, b) => a - b);
  const p50 = Math.round(percentile(latencies, 50) * 10) / 10;
  return { p50, requests: latencies.length, measuredFrom };
}

async function measureSize(
  label: string,
  cases: number,
  stackArgs: { basePort: number; dataDir: string; databaseUrl?: string },
  viewers: Viewers,
  seconds: number,
  log: (message: string) => void,
): Promise<GrowthSize> {
  const stack = await startScenarioStack(
    stackArgs.basePort,
    stackArgs.dataDir,
    stackArgs.databaseUrl,
  );
  const size: GrowthSize = { label, cases, p50Ms: {}, requests: {}, cpuMsPerRequest: {} };
  const processes = [stack.gateway, ...stack.subgraphs];
  const cpu = () => processes.reduce((sum, p) => sum + cpuMs(p.child.pid), 0);
  try {
    const tokens = await signViewerTokens(stack.env, [
      ...viewers.admins.map((a) => a.email),
      viewers.dashboardAgent,
      ...ENGINEERS,
    ]);
    const post = async (
      email: string,
      query: string,
      variables: Record<string, unknown>,
      operationName?: string,
    ) => {
      const response = await fetch(stack.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${tokens.get(email)}`,
        },
        body: JSON.stringify({ query, variables, operationName }),
      });
      const text = await response.text();
      if (!response.ok || text.includes('"errors"')) {
        throw new Error(`${label}: request failed (${response.status}): ${text.slice(0, 300)}`);
      }
    };
    const picture = document('support-picture.graphql');
    const detail = document('case-detail.graphql');
    const dashboard = document('partner-dashboard.graphql');
    const queue = consoleOperation('support-queue');
    const admin = (i: number) => viewers.admins[i % viewers.admins.length]!;
    const runs: Record<(typeof GROWTH_OPERATIONS)[number], (i: number) => Promise<void>> = {
      SupportPicture: (i) =>
        post(admin(i).email, picture, { organizationId: admin(i).organizationId }),
      CaseDetail: (i) => {
        const a = admin(i);
        return post(a.email, detail, { id: a.caseIds[(i * 7) % a.caseIds.length] });
      },
      'PartnerDashboard (50 customers)': () => post(viewers.dashboardAgent, dashboard, {}),
      'SupportQueue (engineer)': (i) =>
        post(ENGINEERS[i % ENGINEERS.length]!, queue, {}, 'ConsoleSupportQueue'),
    };
    for (const operation of GROWTH_OPERATIONS) {
      const { p50, requests, measuredFrom } = await oneClient(runs[operation], seconds, cpu);
      size.p50Ms[operation] = p50;
      size.requests[operation] = requests;
      size.cpuMsPerRequest[operation] = Math.round(((cpu() - measuredFrom) / requests) * 10) / 10;
      log(`growth ${label} ${operation}: p50 ${p50} ms (${requests} requests)`);
    }
  } finally {
    await stack.stop();
  }
  return size;
}

export async function runDataGrowth(options: {
  config: BenchConfig;
  postgresUrl: string | null;
  log: (message: string) => void;
}): Promise<GrowthResult> {
  const { config, postgresUrl, log } = options;
  const seconds = Math.max(config.singleClientSeconds, 10);
  const basePort = config.basePort + 20;
  const sizes: GrowthSize[] = [];
  sizes.push(
    await measureSize(
      '20,000 cases, SQLite',
      20_000,
      { basePort, dataDir: config.dataDir },
      sqliteViewers(),
      seconds,
      log,
    ),
  );
  if (!postgresUrl) return { sizes };
  const small: BulkShape = { ...MILLION_CASES, organizations: 200 };
  for (const [label, shape, database] of [
    ['20,000 cases, PostgreSQL', small, 'bench_20k'],
    ['1,000,000 cases, PostgreSQL', MILLION_CASES, 'bench_1m'],
  ] as const) {
    const databaseUrl = await ensureDatabase(postgresUrl, database);
    const started = Date.now();
    await preparePostgresData(databaseUrl, shape, log);
    log(`growth ${label}: data set ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    await sleep(1_000);
    const dataDir = join(config.dataDir, database);
    const cases = shape.organizations * shape.casesPerOrganization;
    sizes.push(
      await measureSize(
        label,
        cases,
        { basePort, dataDir, databaseUrl },
        bulkViewers(shape),
        seconds,
        log,
      ),
    );
  }
  return { sizes };
}
