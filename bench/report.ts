import type { BenchConfig, GatewayKind } from './bench-config';
import type { GrowthResult } from './data-growth';
import type { LiveResult } from './live-bench';
import type { LoadResult } from './load';
import type { MixedResult } from './mixed-load';
import { renderRotating } from './rotating-report';
import type { RotatingResult } from './rotating-scenario';
import { renderGrowth, renderMixed } from './scenario-report';

export interface ScenarioResult extends LoadResult {
  gateway: GatewayKind | 'baseline' | 'direct';
  operation: string;
  peakRssMiB: number | null;
  /** p50 with a single client after the main load: the latency of one request without queueing. */
  singleClientP50Ms: number | null;
  /** The gateway process's CPU time per request in that one-client phase (steadier than latency). */
  singleClientCpuMs: number | null;
  /** SQL statements the three subgraphs ran for one request (our gateway's phase). */
  sqlPerRequest: number | null;
  responseBytes: number | null;
}

export interface BenchRun {
  machine: {
    date: string;
    nproc: number;
    memoryGiB: number;
    cpu: string;
    node: string;
    commit: string;
  };
  config: BenchConfig;
  /** The commit of BENCH_BASELINE_REF, measured in the same run (gateway `baseline`). */
  baselineCommit: string | null;
  /** Identical traffic: one viewer sending the same request on every connection. */
  scenarios: ScenarioResult[];
  rotating: RotatingResult[];
  live: LiveResult[];
  mixed: MixedResult | null;
  growth: GrowthResult | null;
}

const NAMES = {
  ours: 'our gateway',
  'ours-unshared': 'our gateway, no fetch sharing',
  plain: 'plain @apollo/gateway',
  hive: 'Hive Gateway',
  baseline: 'baseline ref (our gateway and subgraphs)',
  direct: 'direct to subgraphs',
};

const ratio = (a: number | undefined, b: number | undefined) =>
  a && b ? `${(a / b).toFixed(2)}x` : '-';

/** The markdown the README keeps: the run's conditions, one table for HTTP, one for live. */
export function renderReport(run: BenchRun): string {
  const { machine, config } = run;
  const find = (gateway: string, operation: string) =>
    run.scenarios.find((s) => s.gateway === gateway && s.operation === operation);
  const lines = [
    `Run ${machine.date}, commit ${machine.commit}, ${machine.nproc} CPUs (${machine.cpu}), ` +
      `${machine.memoryGiB} GiB, Node ${machine.node}; ${config.connections} connections, ` +
      `${config.warmupSeconds} s warm-up, ${config.durationSeconds} s measured per scenario.`,
    '',
    ...renderRotating(run.rotating, run.baselineCommit),
    '',
    'Identical traffic (one viewer, the same request on every connection: what in-flight fetch sharing merges):',
    '',
    '| operation | target | req/s | p50 ms | p99 ms | errors | peak RSS MiB | vs Hive | vs plain | 1-client p50 ms | 1-client CPU ms/req | SQL/request |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const s of run.scenarios) {
    const hive = find('hive', s.operation);
    const plain = find('plain', s.operation);
    lines.push(
      `| ${s.operation} | ${NAMES[s.gateway]} | ${s.requestsPerSecond} | ${s.p50Ms} | ${s.p99Ms} | ` +
        `${s.errors} | ${s.peakRssMiB ?? '-'} | ${ratio(s.requestsPerSecond, hive?.requestsPerSecond)} | ` +
        `${ratio(s.requestsPerSecond, plain?.requestsPerSecond)} | ${s.singleClientP50Ms ?? '-'} | ` +
        `${s.singleClientCpuMs ?? '-'} | ${s.sqlPerRequest ?? '-'} |`,
    );
  }
  lines.push('', ...overheadLines(run, config.connections));
  if (run.live.length) lines.push('', ...renderLive(run.live));
  if (run.mixed) lines.push('', ...renderMixed(run.mixed));
  if (run.growth) lines.push('', ...renderGrowth(run.growth));
  return lines.join('\n');
}

/**
 * What the gateway adds over asking the subgraphs directly, as p50 differences: at the load
 * without fetch sharing (which would otherwise hide the gateway's own cost), and with one client.
 */
function overheadLines(run: BenchRun, connections: number): string[] {
  const p50 = (gateway: string, operation: string, single: boolean) => {
    const s = run.scenarios.find((x) => x.gateway === gateway && x.operation === operation);
    return single ? s?.singleClientP50Ms : s?.p50Ms;
  };
  const diff = (a: number | null | undefined, b: number | null | undefined) =>
    a != null && b != null ? `${a - b >= 0 ? '+' : ''}${a - b} ms (${a} against ${b})` : '-';
  const operations = [...new Set(run.scenarios.map((s) => s.operation))];
  return operations.map(
    (op) =>
      `- ${op}, p50 over direct: ${diff(p50('ours-unshared', op, false), p50('direct', op, false))} ` +
      `at ${connections} connections without fetch sharing; ` +
      `${diff(p50('ours', op, true), p50('direct', op, true))} with one client.`,
  );
}

/** Live rows; with a baseline, each count's p99 also as a ratio of the baseline's in this run. */
function renderLive(live: LiveResult[]): string[] {
  const baselineP99 = (subscribers: number) =>
    live.find((l) => l.target === 'baseline' && l.subscribers === subscribers)?.p99Ms;
  const ratio = (l: LiveResult) => {
    const base = l.target === 'ours' ? baselineP99(l.subscribers) : undefined;
    return base ? `${(l.p99Ms / base).toFixed(2)}x` : '-';
  };
  return [
    '| live subscribers | gateway | events | deliveries | missed | p50 ms | p99 ms | p99 vs baseline | gateway peak RSS MiB | gateway CPU ms per event | subscribers CPU ms per event (threads) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...live.map(
      (l) =>
        `| ${l.subscribers} | ${l.target === 'baseline' ? 'baseline ref' : 'ours'} | ${l.events} | ${l.deliveries} | ${l.missed} | ${l.p50Ms} | ${l.p99Ms} | ${ratio(l)} | ${l.peakRssMiB ?? '-'} | ${l.gatewayCpuMsPerEvent} | ${l.subscribersCpuMsPerEvent} (${l.subscriberThreads}) |`,
    ),
  ];
}
