import { join } from 'node:path';
import { projectRoot } from '../lib/config/project-root';
import type { BenchConfig } from './bench-config';
import { type LiveSubscriber, subscribeToCaseEvents } from './live-subscriber';
import { MIXED_OPERATIONS, type MixedRequest, requestSource } from './mixed-operations';
import { AGENTS, agentOf, allViewerEmails, ORGANIZATIONS } from './mixed-viewers';
import { cpuMs, type Started, startNode, stop, waitUntilUp } from './processes';
import { percentile, sleep, until } from './stats';
import { signViewerTokens } from './viewer-tokens';

// The mixed load: a support portal's traffic at once. `connections` closed-loop clients send the
// contract operations in the stated mix (mixed-operations.ts) as 200 admins, 4 partner agents and
// 2 engineers, while 1,000 graphql-ws subscribers (CaseEvents through the gateway: four per
// organization's admin, the rest partner agents over all their customers) receive the events the
// mutations cause. Reported: p50/p99 and errors per operation, event delivery latency (receipt
// minus the event's `at`, stamped by cases at commit), and CPU ms per request of each process over
// the measured window (the deliveries' cost included).

const ROOT = projectRoot();
export const MIXED_SUBSCRIBERS = 1_000;
const ADMIN_SUBSCRIBERS_PER_ORGANIZATION = 4;
/** Seconds with the subscribers connected and no requests: what they cost on their own. */
const IDLE_SECONDS = 5;

export interface MixedOperationResult {
  operation: string;
  weight: number;
  requests: number;
  errors: number;
  p50Ms: number;
  p99Ms: number;
}

export interface MixedResult {
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  operations: MixedOperationResult[];
  /** The first few failures, to say what went wrong. */
  errorSamples: string[];
  live: {
    subscribers: number;
    connected: number;
    events: number;
    deliveries: number;
    /** Deliveries an entitled subscriber should have had for the events seen, and did not. */
    missed: number;
    p50Ms: number;
    p99Ms: number;
  };
  /** CPU ms per HTTP request over the measured window, per process. */
  cpuMsPerRequest: Record<string, number>;
  /** CPU ms per second each process spends with the subscribers connected and no requests. */
  idleCpuMsPerSecond: Record<string, number>;
}

interface Options {
  env: Record<string, string>;
  config: BenchConfig;
  subgraphs: Started[];
  log: (message: string) => void;
}

/** Who listens: (email, organizationId or all) pairs, 1,000 in all. */
function subscriberPlan(): { email: string; organizationId?: string }[] {
  const admins = ORGANIZATIONS.flatMap((o) =>
    Array.from({ length: ADMIN_SUBSCRIBERS_PER_ORGANIZATION }, () => ({
      email: o.admin,
      organizationId: o.id,
    })),
  );
  const rest = MIXED_SUBSCRIBERS - admins.length;
  return [
    ...admins,
    ...Array.from({ length: rest }, (_, i) => ({ email: AGENTS[i % AGENTS.length]!.email })),
  ];
}

/** How many subscribers should get an event of this organization. */
function entitled(plan: ReturnType<typeof subscriberPlan>, organizationId: string): number {
  const agent = agentOf(organizationId)?.email;
  return plan.filter(
    (s) => s.organizationId === organizationId || (!s.organizationId && s.email === agent),
  ).length;
}

interface Window {
  measuring: boolean;
  latencies: Map<string, number[]>;
  errors: Map<string, number>;
  samples: string[];
}

async function send(url: string, token: string, request: MixedRequest, window: Window) {
  const started = performance.now();
  let failure: string | null = null;
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: request.body,
    });
    const text = await response.text();
    if (!response.ok || text.includes('"errors"'))
      failure = `${response.status} ${text.slice(0, 300)}`;
  } catch (error) {
    failure = String(error);
  }
  if (!window.measuring) return;
  const list = window.latencies.get(request.operation) ?? [];
  list.push(performance.now() - started);
  window.latencies.set(request.operation, list);
  if (failure) {
    window.errors.set(request.operation, (window.errors.get(request.operation) ?? 0) + 1);
    if (window.samples.length < 5)
      window.samples.push(`${request.operation} as ${request.email}: ${failure}`);
  }
}

/** `connections` clients, each sending its next request when the previous answer arrived. */
async function drive(
  url: string,
  tokens: Map<string, string>,
  connections: number,
  seconds: number,
  window: Window,
) {
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      const next = requestSource(1 + c);
      while (Date.now() < end) {
        const request = next();
        await send(url, tokens.get(request.email)!, request, window);
      }
    }),
  );
}

/** CPU so far of each process; a process that died is named, with how and what it logged. */
function processCpu(processes: Started[]): Record<string, number> {
  for (const p of processes) {
    if (p.child.exitCode !== null || p.child.signalCode !== null) {
      const how = p.child.signalCode ?? `code ${p.child.exitCode}`;
      throw new Error(`${p.name} exited during the mixed load (${how}): ${p.stderr()}`);
    }
  }
  return Object.fromEntries(processes.map((p) => [p.name, cpuMs(p.child.pid)]));
}

export async function runMixedLoad({ env, config, subgraphs, log }: Options): Promise<MixedResult> {
  const tokens = await signViewerTokens(env, allViewerEmails());
  const gateway = startNode('gateway', [join(ROOT, 'dist', 'gateway', 'main.js')], {
    ...env,
    RATE_LIMIT_PER_IP: '100000000',
    RATE_LIMIT_PER_VIEWER: '100000000',
  });
  const url = `http://127.0.0.1:${env.PORT}/graphql`;
  const clients: LiveSubscriber[] = [];
  const plan = subscriberPlan();
  const arrivals = new Map<string, { organizationId: string; latencies: number[] }>();
  const window: Window = { measuring: false, latencies: new Map(), errors: new Map(), samples: [] };
  let measuredFrom = Number.POSITIVE_INFINITY;
  try {
    await waitUntilUp(gateway, url.replace('/graphql', '/ready'));
    let connected = 0;
    for (const [i, s] of plan.entries()) {
      clients.push(
        subscribeToCaseEvents(
          url,
          tokens.get(s.email)!,
          s.organizationId ? { organizationId: s.organizationId } : {},
          {
            connected: () => {
              connected += 1;
            },
            event: ({ cursor, at, receivedAt, organizationId }) => {
              if (at < measuredFrom) return;
              const entry = arrivals.get(cursor) ?? { organizationId, latencies: [] };
              entry.latencies.push(receivedAt - at);
              arrivals.set(cursor, entry);
            },
            error: () => {},
          },
        ),
      );
      if (i % 200 === 199) await until(() => connected > i - 50, 30_000);
    }
    await until(() => connected === plan.length, 60_000);
    // The gateway subscribes upstream once a client's subscription starts: give it a moment.
    await sleep(2_000);
    const processes = [gateway, ...subgraphs];
    const idleBefore = processCpu(processes);
    await sleep(IDLE_SECONDS * 1000);
    const idleAfter = processCpu(processes);
    log(
      `mixed: ${connected}/${plan.length} subscribers connected; warm-up ${config.warmupSeconds} s`,
    );
    await drive(url, tokens, config.connections, config.warmupSeconds, window);
    const cpuBefore = processCpu(processes);
    window.measuring = true;
    measuredFrom = Date.now();
    log(`mixed: measuring ${config.durationSeconds} s at ${config.connections} connections`);
    const started = Date.now();
    await drive(url, tokens, config.connections, config.durationSeconds, window);
    const elapsed = (Date.now() - started) / 1000;
    const cpuAfter = processCpu(processes);
    // Events of the last requests are still on their way.
    await sleep(2_000);
    if (window.samples.length) {
      for (const p of processes) log(`mixed: ${p.name} logged: ${p.stderr().slice(-1_500)}`);
    }
    const requests = [...window.latencies.values()].reduce((sum, l) => sum + l.length, 0);
    const deliveries = [...arrivals.values()].flatMap((a) => a.latencies).sort((a, b) => a - b);
    const expected = [...arrivals.values()].reduce(
      (sum, a) => sum + entitled(plan, a.organizationId),
      0,
    );
    return {
      connections: config.connections,
      seconds: config.durationSeconds,
      requestsPerSecond: Math.round((requests / elapsed) * 10) / 10,
      operations: MIXED_OPERATIONS.map((op) => {
        const l = (window.latencies.get(op.name) ?? []).sort((a, b) => a - b);
        return {
          operation: op.name,
          weight: op.weight,
          requests: l.length,
          errors: window.errors.get(op.name) ?? 0,
          p50Ms: Math.round(percentile(l, 50) * 10) / 10,
          p99Ms: Math.round(percentile(l, 99) * 10) / 10,
        };
      }),
      errorSamples: window.samples,
      live: {
        subscribers: plan.length,
        connected,
        events: arrivals.size,
        deliveries: deliveries.length,
        missed: expected - deliveries.length,
        p50Ms: percentile(deliveries, 50),
        p99Ms: percentile(deliveries, 99),
      },
      idleCpuMsPerSecond: Object.fromEntries(
        processes.map((p) => [
          p.name,
          Math.round((idleAfter[p.name]! - idleBefore[p.name]!) / IDLE_SECONDS),
        ]),
      ),
      cpuMsPerRequest: Object.fromEntries(
        processes.map((p) => [
          p.name,
          Math.round(((cpuAfter[p.name]! - cpuBefore[p.name]!) / requests) * 100) / 100,
        ]),
      ),
    };
  } finally {
    await Promise.all(clients.map((c) => c.dispose()));
    await stop(gateway);
  }
}
