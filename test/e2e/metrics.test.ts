import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE } from '../support/demo-users';
import { type Stack, startStack } from '../support/stack';

describe('gateway metrics', () => {
  let stack: Stack;
  let metrics: string;
  beforeAll(async () => {
    stack = await startStack('sqlite', { gatewayEnv: { SUBGRAPH_TIMEOUT_MS: '500' } });
    await stack.contract('SupportPicture', { organizationId: 'org-contoso' }, ALICE);
    await stack.query('{ viewr { id } }', {}, { email: ALICE });
    await stack.stopSubgraph('billing');
    await stack.contract('SupportPicture', { organizationId: 'org-contoso' }, ALICE);
    await stack.restartSubgraph('billing');
    const response = await fetch(stack.gatewayMetricsUrl);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    metrics = await response.text();
  });
  afterAll(() => stack?.stop());

  it('counts requests by operation and outcome', () => {
    expect(metrics).toMatch(
      /graphql_requests_total\{operation="SupportPicture",outcome="ok"\} 1\n/,
    );
    expect(metrics).toMatch(
      /graphql_requests_total\{operation="SupportPicture",outcome="SUBGRAPH_UNAVAILABLE"\} 1\n/,
    );
    expect(metrics).toMatch(
      /graphql_requests_total\{operation="anonymous",outcome="GRAPHQL_VALIDATION_FAILED"\} 1\n/,
    );
  });

  it('measures request latency and subgraph fetches', () => {
    expect(metrics).toMatch(
      /graphql_request_duration_seconds_count\{operation="SupportPicture"\} 2\n/,
    );
    expect(metrics).toMatch(/subgraph_fetch_duration_seconds_count\{subgraph="cases"\} [1-9]/);
    expect(metrics).toMatch(
      /subgraph_fetch_errors_total\{subgraph="billing",reason="network"\} [1-9]/,
    );
  });
});

describe('where metrics are served', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('sqlite');
  });
  afterAll(() => stack?.stop());

  const publicUrls = () => [
    stack.gatewayUrl,
    ...Object.values(stack.subgraphs).map((subgraph) => subgraph.url),
  ];

  it('keeps /metrics off the public ports of the gateway and every subgraph', async () => {
    for (const url of publicUrls()) {
      const response = await fetch(new URL('/metrics', url));
      expect(response.status, url).toBe(404);
      expect(await response.text()).not.toMatch(/_total|# HELP/);
    }
  });

  it('serves them on each process own internal port', async () => {
    const gateway = await fetch(stack.gatewayMetricsUrl);
    expect(await gateway.text()).toMatch(/^graphql_requests_total|# TYPE graphql_requests_total/m);
    for (const [name, subgraph] of Object.entries(stack.subgraphs)) {
      expect(new URL(subgraph.metricsUrl).port).not.toBe(new URL(subgraph.url).port);
      const text = await (await fetch(subgraph.metricsUrl)).text();
      expect(text).toContain(`sql_statements_total{subgraph="${name}"}`);
    }
  });

  it('keeps /health and /ready on the public port, for load balancers', async () => {
    expect((await fetch(new URL('/health', stack.gatewayUrl))).status).toBe(200);
    expect((await fetch(new URL('/ready', stack.gatewayUrl))).status).toBe(200);
    for (const subgraph of Object.values(stack.subgraphs)) {
      expect((await fetch(new URL('/health', subgraph.url))).status).toBe(200);
    }
  });
});
