import type { BenchConfig } from './bench-config';
import type { LoadResult } from './load';
import { cpuMs, peakRssMiB } from './processes';
import { type RotatingEntry, runRotatingLoad } from './rotating-load';
import { ROTATING_OPERATIONS } from './rotating-viewers';

// The headline scenarios: SupportPicture over the 200 bench admins, PartnerDashboard over the
// partner agents, each request another viewer's. Besides latency, the CPU every process spent per
// request (from /proc), which moves far less than latency on a shared machine.

export interface RotatingResult extends LoadResult {
  /** The gateway measured (ours, plain, hive, or `baseline` for our gateway at the baseline ref). */
  gateway: string;
  operation: string;
  viewers: number;
  /** CPU ms per request under the load: the gateway, and the three subgraphs together. */
  gatewayCpuMs: number;
  subgraphsCpuMs: number;
  /** The same split per subgraph (accounts, billing, cases), under the load and with one client. */
  eachSubgraphCpuMs: number[];
  singleClientEachSubgraphCpuMs: number[] | null;
  singleClientP50Ms: number | null;
  singleClientGatewayCpuMs: number | null;
  singleClientSubgraphsCpuMs: number | null;
  peakRssMiB: number | null;
}

export interface RotatingTarget {
  gateway: string;
  url: string;
  gatewayPid: number | undefined;
  subgraphPids: (number | undefined)[];
  headersFor: (email: string) => Promise<Record<string, string>>;
  config: BenchConfig;
  /** Whether BENCH_OPERATIONS selects this operation. */
  measures: (operation: string) => boolean;
  log: (message: string) => void;
}

async function referenceEntries(
  target: RotatingTarget,
  query: string,
  requests: { email: string; variables: Record<string, unknown> }[],
): Promise<RotatingEntry[]> {
  const entries: RotatingEntry[] = [];
  for (const request of requests) {
    const headers = await target.headersFor(request.email);
    const body = JSON.stringify({ query, variables: request.variables });
    const response = await fetch(target.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    const expectBody = await response.text();
    if (!response.ok || expectBody.includes('"errors"')) {
      throw new Error(
        `reference request as ${request.email} failed (${response.status}): ${expectBody.slice(0, 500)}`,
      );
    }
    entries.push({ headers, body, expectBody });
  }
  return entries;
}

/** CPU ms per request of the gateway and of the subgraphs, summed over rounds. */
interface Tally {
  requests: number;
  seconds: number;
  errors: number;
  gatewayCpuMs: number;
  subgraphsCpuMs: number;
  eachSubgraphCpuMs: number[];
  p50s: number[];
  p99s: number[];
}

const emptyTally = (): Tally => ({
  requests: 0,
  seconds: 0,
  errors: 0,
  gatewayCpuMs: 0,
  subgraphsCpuMs: 0,
  eachSubgraphCpuMs: [],
  p50s: [],
  p99s: [],
});

/** Runs one round of load against a target and adds it, with the CPU it cost, to the tally. */
async function round(
  target: RotatingTarget,
  entries: RotatingEntry[],
  connections: number,
  seconds: number,
  tally: Tally,
): Promise<void> {
  const subgraphsCpu = () => target.subgraphPids.map(cpuMs);
  const gatewayBefore = cpuMs(target.gatewayPid);
  const subgraphsBefore = subgraphsCpu();
  const load = await runRotatingLoad(target.url, entries, connections, seconds);
  tally.gatewayCpuMs += cpuMs(target.gatewayPid) - gatewayBefore;
  for (const [i, after] of subgraphsCpu().entries()) {
    const spent = after - subgraphsBefore[i]!;
    tally.eachSubgraphCpuMs[i] = (tally.eachSubgraphCpuMs[i] ?? 0) + spent;
    tally.subgraphsCpuMs += spent;
  }
  tally.requests += load.requests;
  tally.seconds += seconds;
  tally.errors += load.errors;
  tally.p50s.push(load.p50Ms);
  tally.p99s.push(load.p99Ms);
}

const perRequest = (ms: number, requests: number) =>
  requests ? Math.round((ms / requests) * 100) / 100 : 0;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? 0;

/**
 * Interleaves the targets (our gateway and the baseline ref's stack, say) in short rounds, A B A
 * B ..., so that a machine shared with other work slows both alike and their ratio stays
 * meaningful. p50 is the median of the rounds' p50, p99 the worst round's.
 */
async function interleaved(
  targets: RotatingTarget[],
  entries: RotatingEntry[][],
  connections: number,
  seconds: number,
  rounds: number,
): Promise<Tally[]> {
  const tallies = targets.map(emptyTally);
  const slice = Math.max(1, Math.round(seconds / rounds));
  for (let r = 0; r < rounds; r++) {
    for (const [i, target] of targets.entries()) {
      await round(target, entries[i]!, connections, slice, tallies[i]!);
      // Let the requests the load left in flight finish before the next target's round.
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  return tallies;
}

const ROUNDS = 3;

/** Measures each operation on every target (interleaved when more than one). */
export async function measureRotating(targets: RotatingTarget[]): Promise<RotatingResult[]> {
  const { config, log } = targets[0]!;
  const results: RotatingResult[] = [];
  for (const op of ROTATING_OPERATIONS.filter((o) => targets[0]!.measures(o.name))) {
    const entries = await Promise.all(
      targets.map((t) => referenceEntries(t, op.query, op.requests)),
    );
    const names = targets.map((t) => t.gateway).join(' and ');
    const label = `${op.name} rotating over ${op.requests.length} viewers, ${names}`;
    // Side by side, each stack warms up as long as it is then measured: the current stack has
    // already served the identical-traffic pass, the baseline's subgraphs nothing yet, and a
    // 3 s warm-up left the baseline's code less optimised by V8 (its CPU per request ~25% higher).
    const warmup = targets.length > 1 ? config.durationSeconds : config.warmupSeconds;
    log(`${label}: warm-up ${warmup} s each`);
    for (const [i, target] of targets.entries()) {
      await round(target, entries[i]!, config.connections, warmup, emptyTally());
    }
    log(`${label}: measuring ${config.durationSeconds} s each, in ${ROUNDS} interleaved rounds`);
    const loaded = await interleaved(
      targets,
      entries,
      config.connections,
      config.durationSeconds,
      ROUNDS,
    );
    const single = config.singleClientSeconds
      ? await interleaved(targets, entries, 1, config.singleClientSeconds, ROUNDS)
      : null;
    for (const [i, target] of targets.entries()) {
      const load = loaded[i]!;
      const one = single?.[i];
      results.push({
        gateway: target.gateway,
        operation: op.name,
        viewers: op.requests.length,
        requestsPerSecond: Math.round((load.requests / load.seconds) * 10) / 10,
        p50Ms: median(load.p50s),
        p99Ms: Math.max(...load.p99s),
        errors: load.errors,
        requests: load.requests,
        gatewayCpuMs: perRequest(load.gatewayCpuMs, load.requests),
        subgraphsCpuMs: perRequest(load.subgraphsCpuMs, load.requests),
        eachSubgraphCpuMs: load.eachSubgraphCpuMs.map((ms) => perRequest(ms, load.requests)),
        singleClientEachSubgraphCpuMs: one
          ? one.eachSubgraphCpuMs.map((ms) => perRequest(ms, one.requests))
          : null,
        singleClientP50Ms: one ? median(one.p50s) : null,
        singleClientGatewayCpuMs: one ? perRequest(one.gatewayCpuMs, one.requests) : null,
        singleClientSubgraphsCpuMs: one ? perRequest(one.subgraphsCpuMs, one.requests) : null,
        peakRssMiB: peakRssMiB(target.gatewayPid),
      });
    }
  }
  return results;
}
