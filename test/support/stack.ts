import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createTcpServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { Client } from 'pg';
import { loadGatewayConfig } from '../../gateway/config';
import { startGateway } from '../../gateway/server';
import { ensureDevJwtKey } from '../../lib/config/dev-secrets';
import { type DevTokenOptions, signDevToken } from '../../lib/config/dev-token';
import { loadSubgraphConfig, type SubgraphName } from '../../lib/config/subgraph-config';
import { createLogger } from '../../lib/logging/logger';
import { createOrm, type Dialect } from '../../lib/orm/create-orm';
import type { SqlStatementCounter } from '../../lib/orm/sql-statement-counter';
import { SUBGRAPHS } from '../../subgraphs/registry';
import { TEST_PG_URL } from './database-probe';
import { contractDocument } from './operations';

export interface RunningSubgraph {
  url: string;
  /** Its Prometheus metrics, on the internal port. */
  metricsUrl: string;
  orm: MikroORM;
  sqlCounter: SqlStatementCounter;
  /** Its PostgreSQL schema, for processes that join the same database. */
  databaseSchema: string;
}

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

/** The code of a response's first error, which is what most refusal tests assert. */
export const firstCode = (response: Pick<GraphQLResponse, 'errors'>): unknown =>
  response.errors?.[0]?.extensions?.code;

export interface Stack {
  dialect: Dialect;
  gatewayUrl: string;
  /** The gateway's Prometheus metrics, on its internal port. */
  gatewayMetricsUrl: string;
  /** Holds the SQLite files and data/outbox.jsonl of this stack. */
  dataDir: string;
  internalSecret: string;
  subgraphs: Record<SubgraphName, RunningSubgraph>;
  /** A development token for `email` (a demo user's subject, e-mail verified unless `claims` say). */
  token(
    email: string,
    expiresAt?: string | number,
    claims?: Pick<DevTokenOptions, 'subject' | 'emailVerified'>,
  ): Promise<string>;
  /** POSTs a query to the gateway, as `email` when given (anonymous otherwise). */
  query<T = Record<string, any>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { email?: string; operationName?: string; headers?: Record<string, string> },
  ): Promise<GraphQLResponse<T>>;
  /** Runs a contract operation, by name, exactly as shipped. */
  contract<T = Record<string, any>>(
    operationName: string,
    variables: Record<string, unknown>,
    email?: string,
  ): Promise<GraphQLResponse<T>>;
  resetSqlCounters(): void;
  /**
   * Takes one subgraph off the network: its HTTP server closes (connections refused), or with
   * `hang` a socket on the same port accepts requests and never answers (a slow subgraph).
   */
  stopSubgraph(name: SubgraphName, options?: { hang?: boolean }): Promise<void>;
  /** Serves a stopped subgraph again on the same port, with the same database. */
  restartSubgraph(name: SubgraphName): Promise<void>;
  stop(): Promise<void>;
}

/** Drops the stack's schemas, on a connection of its own (the server may have restarted). */
async function dropPgSchemas(url: string, schemas: string[]): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  for (const schema of schemas) await client.query(`drop schema if exists "${schema}" cascade`);
  await client.end();
}

/**
 * The whole product in-process, on real HTTP: three subgraphs on fresh databases with the demo
 * seed, and the gateway in front, all on free ports.
 */
export interface StackOptions {
  seedNow?: Date;
  /** Extra gateway environment, e.g. VIEWER_CACHE_TTL_MS. */
  gatewayEnv?: Record<string, string>;
  /**
   * Extra cases environment. The response-alarm scheduler is off unless a test turns it on
   * (RESPONSE_ALARM_INTERVAL_MS): its events would surprise tests that count events or statements.
   */
  casesEnv?: Record<string, string>;
  /** Extra accounts environment, e.g. NOTIFIER=smtp and SMTP_URL. */
  accountsEnv?: Record<string, string>;
  /** Receives every log line of every process (JSON); logs are silent otherwise. */
  logSink?: (line: Record<string, unknown>) => void;
  /** The PostgreSQL server to use instead of the shared one (a test's own, to crash it). */
  databaseUrl?: string;
}

export async function startStack(dialect: Dialect, options: StackOptions = {}): Promise<Stack> {
  const seedNow = options.seedNow ?? new Date();
  const sink = options.logSink;
  const destination = sink && { write: (line: string) => sink(JSON.parse(line)) };
  const logger = (name: string, level: string) =>
    createLogger(name, sink ? 'info' : level, destination);
  const dataDir = mkdtempSync(join(tmpdir(), 'support-graph-'));
  const internalSecret = randomBytes(32).toString('base64url');
  const run = randomBytes(4).toString('hex');
  const schemas = SUBGRAPHS.map((s) => `t_${run}_${s.name}`);
  const pgUrl = options.databaseUrl ?? TEST_PG_URL;
  const dropSchemas = () =>
    dialect === 'postgresql' ? dropPgSchemas(pgUrl, schemas) : Promise.resolve();
  const closers: (() => Promise<void>)[] = [];
  const subgraphs = {} as Record<SubgraphName, RunningSubgraph>;
  const servers = {} as Record<SubgraphName, { close(): Promise<void>; restart(): Promise<void> }>;
  const baseEnv: Record<string, string> = {
    DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    NODE_ENV: 'test',
    INTERNAL_SECRET: internalSecret,
  };

  for (const subgraph of SUBGRAPHS) {
    const prefix = subgraph.name.toUpperCase();
    // Subgraphs start in registry order; each reaches the peers started before it (cases reads
    // accounts and billing) at their real, free ports.
    const peerUrls = Object.fromEntries(
      Object.entries(subgraphs).map(([name, s]) => [`${name.toUpperCase()}_URL`, s.url]),
    );
    const config = loadSubgraphConfig(subgraph.name, {
      ...baseEnv,
      ...peerUrls,
      [`${prefix}_PORT`]: '0',
      [`${prefix}_METRICS_PORT`]: '0',
      [`${prefix}_DB_SCHEMA`]: `t_${run}_${subgraph.name}`,
      ...(dialect === 'postgresql' ? { DATABASE_URL: pgUrl } : {}),
      ...(subgraph.name === 'cases'
        ? { RESPONSE_ALARM_INTERVAL_MS: '0', ...options.casesEnv }
        : {}),
      ...(subgraph.name === 'accounts' ? options.accountsEnv : {}),
    });
    const { orm, sqlCounter } = await createOrm(subgraph.ormOptions(config));
    await subgraph.seed(orm.em.fork(), seedNow);
    const log = logger(subgraph.name, config.logLevel);
    let server = await subgraph.start({ orm, config, log });
    const port = server.port;
    const metrics = { ...config.metrics, port: Number(new URL(server.metricsUrl).port) };
    servers[subgraph.name] = {
      close: () => server.close(),
      restart: async () => {
        server = await subgraph.start({ orm, config: { ...config, port, metrics }, log });
        servers[subgraph.name].close = () => server.close();
      },
    };
    // Closed in reverse: the server (and its timers, which still use the ORM) before the ORM.
    closers.push(
      () => orm.close(),
      () => servers[subgraph.name].close(),
    );
    subgraphs[subgraph.name] = {
      url: `${server.url}/graphql`,
      metricsUrl: server.metricsUrl,
      orm,
      sqlCounter,
      databaseSchema: config.databaseSchema,
    };
  }

  const jwtKeyFile = join(dataDir, 'dev-jwt-key.json');
  const gatewayConfig = loadGatewayConfig({
    ...baseEnv,
    PORT: '0',
    METRICS_PORT: '0',
    JWT_DEV_KEY_FILE: jwtKeyFile,
    ACCOUNTS_URL: subgraphs.accounts.url,
    BILLING_URL: subgraphs.billing.url,
    CASES_URL: subgraphs.cases.url,
    ...options.gatewayEnv,
  });
  const gateway = await startGateway(gatewayConfig, logger('gateway', gatewayConfig.logLevel));
  const key = await ensureDevJwtKey(jwtKeyFile);
  const gatewayUrl = `${gateway.url}/graphql`;
  const tokens = new Map<string, string>();

  const token: Stack['token'] = (email, expiresAt, claims) =>
    signDevToken(key, {
      email,
      issuer: gatewayConfig.jwt.issuer,
      audience: gatewayConfig.jwt.audience,
      expiresAt,
      ...claims,
    });

  const stack: Stack = {
    dialect,
    gatewayUrl,
    gatewayMetricsUrl: gateway.metricsUrl,
    dataDir,
    internalSecret,
    subgraphs,
    token,
    async query(query, variables = {}, options = {}) {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        ...options.headers,
      };
      if (options.email) {
        if (!tokens.has(options.email)) tokens.set(options.email, await token(options.email));
        headers.authorization = `Bearer ${tokens.get(options.email)}`;
      }
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers,
        body: JSON.stringify({ query, variables, operationName: options.operationName }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    contract(operationName, variables, email) {
      return stack.query(contractDocument(operationName), variables, { email, operationName });
    },
    resetSqlCounters() {
      for (const s of Object.values(subgraphs)) s.sqlCounter.reset();
    },
    async stopSubgraph(name, options = {}) {
      await servers[name].close();
      servers[name].close = async () => {};
      if (!options.hang) return;
      const sockets = new Set<Socket>();
      const hanging = createTcpServer((socket) => {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
      });
      const port = Number(new URL(subgraphs[name].url).port);
      await new Promise<void>((done) => hanging.listen(port, '127.0.0.1', done));
      servers[name].close = () =>
        new Promise<void>((done) => {
          for (const socket of sockets) socket.destroy();
          hanging.close(() => done());
        });
    },
    async restartSubgraph(name) {
      await servers[name].close();
      await servers[name].restart();
    },
    async stop() {
      await gateway.close();
      for (const close of closers.reverse()) await close();
      await dropSchemas();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}
