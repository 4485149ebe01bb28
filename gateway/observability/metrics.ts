import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

// Prometheus metrics of the gateway, on /metrics: GraphQL requests by operation and outcome, their
// latency, each subgraph fetch's latency and failures, and the live updates (connections,
// subscriptions, upstream connections, deliveries, clients cut off as too slow). One registry per gateway instance, so
// gateways started side by side in tests count apart.

/** Operation names come from clients: a bounded set of well-formed ones, the rest as "other". */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export type LiveMetrics = ReturnType<typeof createLiveMetrics>;

function createLiveMetrics(registry: Registry) {
  const registers = [registry];
  return {
    connections: new Gauge({
      name: 'live_websocket_connections',
      help: 'Client graphql-ws connections open at the gateway',
      registers,
    }),
    subscriptions: new Gauge({
      name: 'live_subscriptions_active',
      help: 'Client subscriptions active at the gateway (graphql-ws and graphql-sse)',
      registers,
    }),
    upstreamConnections: new Gauge({
      name: 'live_upstream_connections',
      help: 'graphql-ws connections from the gateway to each subgraph',
      labelNames: ['subgraph'],
      registers,
    }),
    upstreamSubscriptions: new Gauge({
      name: 'live_upstream_subscriptions',
      help: 'Subscriptions the gateway holds on each subgraph (identical live ones are shared)',
      labelNames: ['subgraph'],
      registers,
    }),
    executions: new Counter({
      name: 'live_event_executions_total',
      help: 'Federated executions of upstream events (one per event, shared by its clients)',
      registers,
    }),
    delivered: new Counter({
      name: 'live_events_delivered_total',
      help: 'Subscription results handed to clients (one per event and client)',
      registers,
    }),
    cutOff: new Counter({
      name: 'live_clients_cut_off_total',
      help: 'Client subscriptions cut off for falling too far behind (LIVE_CLIENT_BUFFER)',
      labelNames: ['transport'],
      registers,
    }),
  };
}

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'graphql_requests_total',
    help: 'GraphQL requests by operation and outcome (ok, or the first error code)',
    labelNames: ['operation', 'outcome'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'graphql_request_duration_seconds',
    help: 'GraphQL request latency at the gateway',
    labelNames: ['operation'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const fetchDuration = new Histogram({
    name: 'subgraph_fetch_duration_seconds',
    help: 'Latency of the gateway’s fetches to each subgraph',
    labelNames: ['subgraph'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const fetchErrors = new Counter({
    name: 'subgraph_fetch_errors_total',
    help: 'Subgraph fetches that failed: network (refused, timed out) or an HTTP error status',
    labelNames: ['subgraph', 'reason'],
    registers: [registry],
  });

  const seen = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_NAMES) return 'other';
    seen.add(name);
    return name;
  };

  const plugin: ApolloServerPlugin = {
    async requestDidStart() {
      const end = process.hrtime.bigint();
      return {
        async willSendResponse({ request, operationName, response }) {
          const operation = operationLabel(operationName ?? request.operationName);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : [];
          const code = errors?.[0]?.extensions?.code;
          const outcome = errors?.length ? (typeof code === 'string' ? code : 'ERROR') : 'ok';
          requests.inc({ operation, outcome });
          duration.observe({ operation }, Number(process.hrtime.bigint() - end) / 1e9);
        },
      };
    },
  };

  /** Wraps a subgraph fetcher to time it and count its failures. */
  const instrumentFetch =
    <A extends unknown[], R extends { ok: boolean; status: number }>(
      subgraph: string,
      fetcher: (...args: A) => Promise<R>,
    ) =>
    async (...args: A): Promise<R> => {
      const stop = fetchDuration.startTimer({ subgraph });
      try {
        const response = await fetcher(...args);
        if (!response.ok) fetchErrors.inc({ subgraph, reason: `http_${response.status}` });
        return response;
      } catch (error) {
        fetchErrors.inc({ subgraph, reason: 'network' });
        throw error;
      } finally {
        stop();
      }
    };

  const handler: RequestHandler = async (_req, res) => {
    res.type(registry.contentType).send(await registry.metrics());
  };

  return { plugin, instrumentFetch, handler, live: createLiveMetrics(registry) };
}
