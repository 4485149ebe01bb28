import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupportCase } from '../../subgraphs/cases/entities/support-case.entity';
import { ALICE } from '../support/billing';
import { openCase } from '../support/cases';
import { testDialects } from '../support/dialects';
import { currentCursor, settle, subscribeCaseEvents, until } from '../support/live';
import { type Stack, startStack } from '../support/stack';

// The response-clock scheduler runs in the cases process; its events reach subscribers through
// the gateway like any other, once.

describe.each(testDialects())('response alarms through the gateway (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect, { casesEnv: { RESPONSE_ALARM_INTERVAL_MS: '200' } });
  });
  afterAll(() => stack?.stop());

  it('delivers RESPONSE_DUE_SOON once when a case is 15 minutes from its response target', async () => {
    const after = await currentCursor(stack);
    const live = subscribeCaseEvents(stack, 'graphql-ws', await stack.token(ALICE), { after });
    const opened = await openCase(stack, ALICE, 'org-contoso', { severity: 'A' });
    const ofCase = () => live.events.filter((e) => e.case.id === opened.id).map((e) => e.kind);
    await until(() => ofCase().includes('OPENED'));
    expect(ofCase()).toEqual(['OPENED']); // severity A: one hour, so nothing is due yet

    // Fifty minutes pass: the clock now runs out in ten.
    const dueAt = new Date(Date.now() + 10 * 60_000);
    await stack.subgraphs.cases.orm.em
      .fork()
      .nativeUpdate(SupportCase, { id: opened.id }, { dueAt });
    await until(() => ofCase().includes('RESPONSE_DUE_SOON'));
    await settle(1_500); // several more scheduler ticks
    expect(ofCase()).toEqual(['OPENED', 'RESPONSE_DUE_SOON']);
    const alarm = live.events.find((e) => e.kind === 'RESPONSE_DUE_SOON')!;
    expect(alarm.case.organization.name).toBe('Contoso');
    expect(live.errors).toEqual([]);
    live.stop();
  }, 30_000);
});
