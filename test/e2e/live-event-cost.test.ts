import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE } from '../support/billing';
import { openCase } from '../support/cases';
import { testDialects } from '../support/dialects';
import { currentCursor, type Subscription, subscribeCaseEvents, until } from '../support/live';
import { type Stack, startStack } from '../support/stack';

// 5,000 subscriptions on one cases process may receive the same event: its payload (the case,
// its response clock) is read once per event per process, not once per subscriber.

describe.each(testDialects())('the cost of one live event (%s)', (dialect) => {
  let stack: Stack;
  const subscriptions: Subscription[] = [];
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(async () => {
    for (const s of subscriptions) s.stop();
    await stack?.stop();
  });

  /** Statements cases runs for one opening and its delivery to every subscriber so far. */
  async function statementsForOneEvent(): Promise<number> {
    stack.resetSqlCounters();
    const opened = await openCase(stack, ALICE, 'org-contoso');
    await until(
      () => subscriptions.every((s) => s.events.some((e) => e.case.id === opened.id)),
      20_000,
    );
    for (const s of subscriptions) expect(s.errors).toEqual([]);
    return stack.subgraphs.cases.sqlCounter.count;
  }

  async function addSubscribers(count: number): Promise<void> {
    const token = await stack.token(ALICE);
    const after = await currentCursor(stack);
    for (let i = 0; i < count; i++) {
      subscriptions.push(subscribeCaseEvents(stack, 'graphql-ws', token, { after }));
    }
    // Warm: every subscriber is live once it has received an event opened after it joined.
    await statementsForOneEvent();
  }

  it('runs the same statements for 50 subscribers as for 1', async () => {
    await addSubscribers(1);
    const one = await statementsForOneEvent();
    await addSubscribers(49);
    const fifty = await statementsForOneEvent();
    expect(subscriptions).toHaveLength(50);
    expect(fifty).toBe(one);
  }, 60_000);
});
