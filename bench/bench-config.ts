import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { parseEnv } from '../lib/config/env';
import { projectRoot } from '../lib/config/project-root';

/** `ours-unshared`: our gateway with SUBGRAPH_FETCH_SHARING=false, what it adds with no sharing. */
export const GATEWAY_KINDS = ['ours', 'ours-unshared', 'plain', 'hive'] as const;
export type GatewayKind = (typeof GATEWAY_KINDS)[number];

export interface BenchConfig {
  /** SQLite files, keys and secret of the bench stack (git-ignored); reused between runs. */
  dataDir: string;
  resultsDir: string;
  /**
   * First of five consecutive ports: gateway under test, then accounts, billing, cases; the
   * baseline stack (BENCH_BASELINE_REF) uses the same layout from basePort + 10.
   */
  basePort: number;
  connections: number;
  warmupSeconds: number;
  durationSeconds: number;
  /** Seconds of one-connection load after the main load: latency without queueing; 0 skips. */
  singleClientSeconds: number;
  gateways: GatewayKind[];
  direct: boolean;
  /** Subscriber counts of the live part; empty skips it. */
  liveSubscribers: number[];
  liveEvents: number;
  /** Worker threads the live subscribers are spread over (live-subscriber-pool.ts). */
  liveSubscriberThreads: number;
  /** When set, our gateway runs with --cpu-prof and writes its profile here on exit. */
  cpuProfDir: string | null;
  /** PostgreSQL server of the growth scenario's data sets (each in a database of its own). */
  postgresUrl: string;
  /** Operations measured (SupportPicture, PartnerDashboard); empty means all. */
  operations: string[];
  /** A git ref whose stack (built in a temporary worktree) is measured in the same run. */
  baselineRef: string | null;
}

const commaList = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((s) => s.split(',').filter(Boolean));

const schema = z
  .object({
    BENCH_DATA_DIR: z.string().default(join(projectRoot(), 'bench', '.data')),
    BENCH_RESULTS_DIR: z.string().default(join(projectRoot(), 'bench', 'results')),
    BENCH_BASE_PORT: z.coerce.number().int().min(1024).max(65000).default(4100),
    BENCH_CONNECTIONS: z.coerce.number().int().min(1).max(1000).default(32),
    BENCH_WARMUP_SECONDS: z.coerce.number().int().min(1).max(60).default(5),
    BENCH_DURATION_SECONDS: z.coerce.number().int().min(1).max(90).default(15),
    BENCH_SINGLE_CLIENT_SECONDS: z.coerce.number().int().min(0).max(30).default(5),
    BENCH_GATEWAYS: commaList(GATEWAY_KINDS.join(',')).pipe(z.array(z.enum(GATEWAY_KINDS))),
    BENCH_DIRECT: z.enum(['true', 'false']).default('true'),
    BENCH_LIVE_SUBSCRIBERS: commaList('1000,5000,10000').pipe(
      z.array(
        z.string().regex(/^\d+$/).transform(Number).pipe(z.number().int().min(1).max(20_000)),
      ),
    ),
    BENCH_CPU_PROF_DIR: z.string().optional(),
    BENCH_BASELINE_REF: z.string().min(1).optional(),
    BENCH_OPERATIONS: commaList(''),
    BENCH_LIVE_EVENTS: z.coerce.number().int().min(1).max(1000).default(10),
    BENCH_LIVE_SUBSCRIBER_THREADS: z.coerce
      .number()
      .int()
      .min(1)
      .max(64)
      .default(availableParallelism()),
    BENCH_POSTGRES_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'use a postgresql:// URL')
      .default('postgresql://postgres@127.0.0.1:5432/postgres'),
  })
  // The pre-signed viewer context of the plain and Hive gateways lives 120 s: one operation's
  // warm-up and measurement must fit in it.
  .refine(
    (c) => c.BENCH_WARMUP_SECONDS + c.BENCH_DURATION_SECONDS + c.BENCH_SINGLE_CLIENT_SECONDS <= 100,
    {
      message:
        'warm-up, duration and single-client seconds must stay within 100 s (the signed viewer context lives 120 s)',
      path: ['BENCH_DURATION_SECONDS'],
    },
  );

export function loadBenchConfig(env: NodeJS.ProcessEnv = process.env): BenchConfig {
  const c = parseEnv(schema, env, 'bench');
  return {
    dataDir: resolve(c.BENCH_DATA_DIR),
    resultsDir: resolve(c.BENCH_RESULTS_DIR),
    basePort: c.BENCH_BASE_PORT,
    connections: c.BENCH_CONNECTIONS,
    warmupSeconds: c.BENCH_WARMUP_SECONDS,
    durationSeconds: c.BENCH_DURATION_SECONDS,
    singleClientSeconds: c.BENCH_SINGLE_CLIENT_SECONDS,
    gateways: c.BENCH_GATEWAYS,
    direct: c.BENCH_DIRECT === 'true',
    liveSubscribers: c.BENCH_LIVE_SUBSCRIBERS,
    liveEvents: c.BENCH_LIVE_EVENTS,
    liveSubscriberThreads: c.BENCH_LIVE_SUBSCRIBER_THREADS,
    cpuProfDir: c.BENCH_CPU_PROF_DIR ? resolve(c.BENCH_CPU_PROF_DIR) : null,
    postgresUrl: c.BENCH_POSTGRES_URL,
    baselineRef: c.BENCH_BASELINE_REF ?? null,
    operations: c.BENCH_OPERATIONS,
  };
}
