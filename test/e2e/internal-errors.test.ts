import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDialects } from '../support/dialects';
import { projectOperation } from '../support/project-operations';
import { type Stack, startStack } from '../support/stack';

// A failure nobody planned for (here: billing loses its database) is logged with its stack and
// reaches the client as INTERNAL_SERVER_ERROR, without internals; the rest of the answer stays.
describe.each(testDialects())('unexpected errors (%s)', (dialect) => {
  let stack: Stack;
  const logs: Record<string, unknown>[] = [];
  beforeAll(async () => {
    stack = await startStack(dialect, { logSink: (line) => logs.push(line) });
  });
  afterAll(() => stack?.stop());

  it('hides the cause from the client and logs it', async () => {
    await stack.subgraphs.billing.orm.close(true);
    const response = await stack.query(
      projectOperation('ContosoSubscriptions'),
      {},
      { email: 'alice@contoso.example' },
    );
    expect(response.data?.organization.name).toBe('Contoso');
    expect(response.data?.organization.subscriptions).toBeNull();
    const error = response.errors?.[0];
    expect(error?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(response.errors)).not.toMatch(/select|plan_subscription|knex|at .*\.ts/i);
    const logged = logs.find((l) => l.service === 'billing' && l.level === 50) as {
      err?: { stack?: string };
    };
    expect(logged?.err?.stack).toBeTruthy();
  });
});
