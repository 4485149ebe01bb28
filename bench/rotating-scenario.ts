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

/** Runs the load and returns it with the CPU ms per request of the gateway and the subgraphs. */
async function withCpu(target: RotatingTarget, run: () => Promise<LoadResult>) {
  const subgraphsCpu = () => target.subgraphPids.reduce<number>((sum, pid) => sum + cpuMs(pid), 0);
  const gatewayBefore = cpuMs(target.gatewayPid);
  const subgraphsBefore = subgraphsCpu();
  const load = await run();
  const perRequest = (ms: number) =>
    load.requests ? Math.round((ms / load.requests) * 100) / 100 : 0;
  return {
    load,
    gatewayCpuMs: perRequest(cpuMs(target.gatewayPid) - gatewayBefore),
    subgraphsCpuMs: perRequest(subgraphsCpu() - subgraphsBefore),
  };
}

export async function measureRotating(target: RotatingTarget): Promise<RotatingResult[]> {
  const { config, log } = target;
  const results: RotatingResult[] = [];
  for (const op of ROTATING_OPERATIONS.filter((o) => target.measures(o.name))) {
    const entries = await referenceEntries(target, op.query, op.requests);
    const label = `${target.gateway} ${op.name} rotating over ${entries.length} viewers`;
    log(`${label}: warm-up ${config.warmupSeconds} s`);
    await runRotatingLoad(target.url, entries, config.connections, config.warmupSeconds);
    log(`${label}: measuring ${config.durationSeconds} s`);
    const loaded = await withCpu(target, () =>
      runRotatingLoad(target.url, entries, config.connections, config.durationSeconds),
    );
    // Let the requests the load left in flight finish before the one-client phase.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const single = config.singleClientSeconds
      ? await withCpu(target, () =>
          runRotatingLoad(target.url, entries, 1, config.singleClientSeconds),
        )
      : null;
    results.push({
      gateway: target.gateway,
      operation: op.name,
      viewers: entries.length,
      ...loaded.load,
      gatewayCpuMs: loaded.gatewayCpuMs,
      subgraphsCpuMs: loaded.subgraphsCpuMs,
      singleClientP50Ms: single?.load.p50Ms ?? null,
      singleClientGatewayCpuMs: single?.gatewayCpuMs ?? null,
      singleClientSubgraphsCpuMs: single?.subgraphsCpuMs ?? null,
      peakRssMiB: peakRssMiB(target.gatewayPid),
    });
  }
  return results;
}
