import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Stack, startStack } from '../support/stack';

const ALICE = 'alice@contoso.example';

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
    const response = await fetch(new URL('/metrics', stack.gatewayUrl));
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
