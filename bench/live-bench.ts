import { join } from 'node:path';
import { projectRoot } from '../lib/config/project-root';
import type { BenchConfig } from './bench-config';
import { startSubscriberPool } from './live-subscriber-pool';
import { cpuMs, peakRssMiB, startNode, stop, waitUntilUp } from './processes';
import { percentile, until } from './stats';

// Live updates through our gateway, over the public protocol only (graphql-ws, the contract's
// CaseEvents subscription): N subscribers of one organization, then one case note at a time
// through the gateway. Latency is client receipt time minus the event's `at` (stamped by the
// cases subgraph when the change is recorded, on the same machine clock), so it covers commit,
// publish, the gateway's per-event fetches and delivery.

const ROOT = projectRoot();
const ORGANIZATION = 'org-contoso';
const CASE_ID = 'case-contoso-1';
const EMAIL = 'alice@contoso.example';
const ADD_NOTE = /* GraphQL */ `
  mutation BenchNote($caseId: ID!, $body: String!) { addCaseNote(caseId: $caseId, body: $body) { id } }`;

export interface LiveResult {
  /** `baseline`: the stack built from BENCH_BASELINE_REF, measured right after ours. */
  target: 'ours' | 'baseline';
  subscribers: number;
  events: number;
  deliveries: number;
  missed: number;
  p50Ms: number;
  p99Ms: number;
  peakRssMiB: number | null;
  /** Gateway CPU (user + system, /proc) per measured event. */
  gatewayCpuMsPerEvent: number;
  /** CPU per measured event of the bench process: the subscribers, over `subscriberThreads`. */
  subscribersCpuMsPerEvent: number;
  subscriberThreads: number;
}

interface Options {
  env: Record<string, string>;
  config: BenchConfig;
  subscribers: number;
  bearer: Record<string, string>;
  log: (message: string) => void;
  target?: LiveResult['target'];
  /** The checkout whose gateway runs (the baseline's worktree for `baseline`). */
  root?: string;
}

export async function runLiveBench(options: Options): Promise<LiveResult> {
  const { env, subscribers, log } = options;
  const target = options.target ?? 'ours';
  const root = options.root ?? ROOT;
  const token = options.bearer[EMAIL];
  const gateway = startNode(
    `${target} gateway (live)`,
    [join(root, 'dist', 'gateway', 'main.js')],
    { ...env, RATE_LIMIT_PER_IP: '100000000', RATE_LIMIT_PER_VIEWER: '100000000' },
    root,
  );
  const url = `http://127.0.0.1:${env.PORT}/graphql`;
  const received = new Map<string, number[]>();
  let events = 0;
  // A failed subscription shows as missed deliveries.
  const pool = startSubscriberPool({
    url,
    token,
    threads: options.config.liveSubscriberThreads,
    onArrival: ({ cursor, at, receivedAt }) => {
      const list = received.get(cursor) ?? [];
      list.push(receivedAt - at);
      received.set(cursor, list);
    },
  });
  try {
    await waitUntilUp(gateway, url.replace('/graphql', '/ready'));
    await pool.add(subscribers, { organizationId: ORGANIZATION });
    await until(() => pool.connected() === subscribers, 60_000);
    log(`live: ${pool.connected()}/${subscribers} subscribers connected`);
    const note = async (body: string) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: ADD_NOTE, variables: { caseId: CASE_ID, body } }),
      });
      if (!response.ok) throw new Error(`note failed: ${response.status}`);
    };
    // The first event proves every subscription is live; it is not measured.
    await note('bench: primer');
    await until(() => [...received.values()].some((l) => l.length >= subscribers), 60_000);
    const primed = new Set(received.keys());
    const gatewayBefore = cpuMs(gateway.child.pid);
    const subscribersBefore = process.cpuUsage();
    for (let i = 0; i < options.config.liveEvents; i++) {
      const before = received.size;
      await note(`bench: event ${i}`);
      events += 1;
      await until(
        () =>
          received.size > before &&
          [...received.entries()].every(([k, l]) => primed.has(k) || l.length >= subscribers),
        10_000,
      );
    }
    const subscribersCpu = process.cpuUsage(subscribersBefore);
    const gatewayCpu = cpuMs(gateway.child.pid) - gatewayBefore;
    const latencies = [...received.entries()]
      .filter(([k]) => !primed.has(k))
      .flatMap(([, l]) => l)
      .sort((a, b) => a - b);
    const result: LiveResult = {
      target,
      subscribers,
      events,
      deliveries: latencies.length,
      missed: events * subscribers - latencies.length,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      peakRssMiB: peakRssMiB(gateway.child.pid),
      gatewayCpuMsPerEvent: Math.round(gatewayCpu / events),
      subscribersCpuMsPerEvent: Math.round(
        (subscribersCpu.user + subscribersCpu.system) / 1000 / events,
      ),
      subscriberThreads: options.config.liveSubscriberThreads,
    };
    log(
      `live ${subscribers}, ${target}: p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, gateway ` +
        `${result.gatewayCpuMsPerEvent} ms CPU per event, peak ${result.peakRssMiB} MiB`,
    );
    return result;
  } finally {
    await pool.dispose();
    await stop(gateway);
  }
}
