import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubgraphName } from '../../lib/config/subgraph-config';
import { type Stack, startStack } from '../support/stack';

// An operator reads a subgraph's /metrics to see that its timers still run: the billing cycle
// and the response alarms each count their passes there.

async function metricsOf(stack: Stack, name: SubgraphName): Promise<string> {
  return (await fetch(stack.subgraphs[name].metricsUrl)).text();
}

describe('timed jobs on the subgraphs’ /metrics', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('sqlite', { casesEnv: { RESPONSE_ALARM_INTERVAL_MS: '60000' } });
  });
  afterAll(() => stack?.stop());

  it('counts the billing cycle’s passes on billing’s /metrics, after the SQL count', async () => {
    await expect
      .poll(() => metricsOf(stack, 'billing'))
      .toMatch(/^job_runs_total\{job="billing_cycle",outcome="ok"\} [1-9]/m);
    expect(await metricsOf(stack, 'billing')).toMatch(/^sql_statements_total\{[^}]*\} \d+$/m);
  });

  it('counts the response alarms’ passes on cases’ /metrics', async () => {
    await expect
      .poll(() => metricsOf(stack, 'cases'))
      .toMatch(/^job_runs_total\{job="response_alarms",outcome="ok"\} [1-9]/m);
  });

  it('shows no job series where no job runs (accounts)', async () => {
    expect(await metricsOf(stack, 'accounts')).not.toContain('job_runs_total');
  });
});
