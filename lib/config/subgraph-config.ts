import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { NotifierConfig } from '../notify/notifier';
import { ensureDevInternalSecret } from './dev-secrets';
import { databaseUrl, logLevel, nodeEnv, parseEnv, port } from './env';

export type SubgraphName = 'accounts' | 'billing' | 'cases';

export const SUBGRAPH_PORTS: Record<SubgraphName, number> = {
  accounts: 4001,
  billing: 4002,
  cases: 4003,
};

/** Each subgraph's internal /metrics port, after the gateway's 9090 (Apollo Router's). */
export const SUBGRAPH_METRICS_PORTS: Record<SubgraphName, number> = {
  accounts: 9091,
  billing: 9092,
  cases: 9093,
};

export interface SubgraphConfig {
  name: SubgraphName;
  port: number;
  host: string;
  /** /metrics is served alone on this port (0 picks one), apart from the public one. */
  metrics: { port: number; host: string };
  nodeEnv: 'development' | 'test' | 'production';
  logLevel: string;
  dataDir: string;
  /** `postgresql://...` or a SQLite file path. */
  databaseUrl: string;
  /** PostgreSQL schema holding this subgraph's tables (ignored for SQLite). */
  databaseSchema: string;
  internalSecret: string;
  seedDemoData: boolean;
  notifier: NotifierConfig;
  /** GraphQL URLs of the peer subgraphs, for service-to-service reads. */
  peers: Record<SubgraphName, string>;
  /**
   * Redis pub/sub and live case updates: cases fans out case events; accounts announces viewer
   * changes to the gateways on the same Redis and prefix; billing ignores it.
   */
  live: LiveConfig;
}

export interface LiveConfig {
  /** Fan-out of committed case events and viewer changes across replicas; null: in-process only. */
  redisUrl: string | null;
  /** Prefix of the Redis channel, so several deployments (or test runs) can share one Redis. */
  redisKeyPrefix: string;
  /** How often a replica with subscribers reads the log tail for events it was not told of. */
  pollIntervalMs: number;
  /** How often the response-clock scheduler looks for due alarms; 0 turns it off here. */
  responseAlarmIntervalMs: number;
}

/** Reads one subgraph's configuration: `<NAME>_*` variables win over the shared ones. */
export function loadSubgraphConfig(
  name: SubgraphName,
  env: NodeJS.ProcessEnv = process.env,
): SubgraphConfig {
  const prefix = name.toUpperCase();
  const schema = z.object({
    PORT: port(SUBGRAPH_PORTS[name]),
    HOST: z.string().default('0.0.0.0'),
    METRICS_PORT: port(SUBGRAPH_METRICS_PORTS[name]),
    METRICS_HOST: z.string().default('127.0.0.1'),
    NODE_ENV: nodeEnv,
    LOG_LEVEL: logLevel,
    DATA_DIR: z.string().default('data'),
    DATABASE_URL: databaseUrl.optional(),
    DB_SCHEMA: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .default(name),
    INTERNAL_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SEED_DEMO_DATA: z.enum(['true', 'false']).default('true'),
    NOTIFIER: z.enum(['outbox', 'smtp']).default('outbox'),
    OUTBOX_PATH: z.string().optional(),
    SMTP_URL: z.string().optional(),
    SMTP_FROM: z.string().default('Support <no-reply@support.example>'),
    ACCOUNTS_URL: z.url().default(`http://localhost:${SUBGRAPH_PORTS.accounts}/graphql`),
    BILLING_URL: z.url().default(`http://localhost:${SUBGRAPH_PORTS.billing}/graphql`),
    CASES_URL: z.url().default(`http://localhost:${SUBGRAPH_PORTS.cases}/graphql`),
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'use a redis:// or rediss:// URL')
      .optional(),
    REDIS_KEY_PREFIX: z.string().default('support-graph:'),
    LIVE_POLL_INTERVAL_MS: z.coerce.number().int().min(100).max(60_000).default(1_000),
    RESPONSE_ALARM_INTERVAL_MS: z.coerce.number().int().min(0).max(300_000).default(10_000),
  });
  const scoped = {
    ...env,
    PORT: env[`${prefix}_PORT`],
    METRICS_PORT: env[`${prefix}_METRICS_PORT`],
    DATABASE_URL: env[`${prefix}_DATABASE_URL`] ?? env.DATABASE_URL,
    DB_SCHEMA: env[`${prefix}_DB_SCHEMA`],
  };
  const parsed = parseEnv(
    schema
      .refine((c) => c.NODE_ENV !== 'production' || c.INTERNAL_SECRET, {
        message: 'INTERNAL_SECRET is required in production',
        path: ['INTERNAL_SECRET'],
      })
      .refine((c) => c.NOTIFIER !== 'smtp' || c.SMTP_URL, {
        message: 'SMTP_URL is required when NOTIFIER=smtp',
        path: ['SMTP_URL'],
      }),
    scoped,
    `subgraph ${name}`,
  );
  const dataDir = resolve(parsed.DATA_DIR);
  return {
    name,
    port: parsed.PORT,
    host: parsed.HOST,
    metrics: { port: parsed.METRICS_PORT, host: parsed.METRICS_HOST },
    nodeEnv: parsed.NODE_ENV,
    logLevel: parsed.LOG_LEVEL,
    dataDir,
    databaseUrl: parsed.DATABASE_URL ?? join(dataDir, `${name}.sqlite`),
    databaseSchema: parsed.DB_SCHEMA,
    internalSecret: parsed.INTERNAL_SECRET ?? ensureDevInternalSecret(dataDir),
    seedDemoData: parsed.SEED_DEMO_DATA === 'true',
    notifier:
      parsed.NOTIFIER === 'smtp'
        ? { kind: 'smtp', url: parsed.SMTP_URL!, from: parsed.SMTP_FROM }
        : { kind: 'outbox', path: resolve(parsed.OUTBOX_PATH ?? join(dataDir, 'outbox.jsonl')) },
    peers: { accounts: parsed.ACCOUNTS_URL, billing: parsed.BILLING_URL, cases: parsed.CASES_URL },
    live: {
      redisUrl: parsed.REDIS_URL ?? null,
      redisKeyPrefix: parsed.REDIS_KEY_PREFIX,
      pollIntervalMs: parsed.LIVE_POLL_INTERVAL_MS,
      responseAlarmIntervalMs: parsed.RESPONSE_ALARM_INTERVAL_MS,
    },
  };
}
