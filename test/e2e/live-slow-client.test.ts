import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase } from '../support/cases';
import { ALICE } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import {
  currentCursor,
  gatewayMetric,
  pausableEventStream,
  pausableWebSocket,
  subscribeCaseEvents,
  until,
} from '../support/live';
import { projectDocument } from '../support/project-operations';
import { type Stack, startStack } from '../support/stack';

// Backpressure at the gateway: a client that stops reading is cut off once it falls
// LIVE_CLIENT_BUFFER results behind (websocket close 4429, or a last RATE_LIMITED error on SSE),
// while a client reading normally beside it keeps getting every event.

const CONTOSO = 'org-contoso';

describe.each(testDialects())('a slow live client (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect, { gatewayEnv: { LIVE_CLIENT_BUFFER: '3' } });
  });
  afterAll(() => stack?.stop());

  it('is cut off with a clear reason while the others keep receiving', async () => {
    const token = await stack.token(ALICE);
    const kase = await openCase(stack, ALICE, CONTOSO, { description: 'd'.repeat(10_000) });
    const after = await currentCursor(stack);
    const reader = subscribeCaseEvents(stack, 'graphql-ws', token, {
      organizationId: CONTOSO,
      after,
    });
    const bulky = {
      query: projectDocument('BulkyCaseEvents'),
      variables: { organizationId: CONTOSO, after },
    };
    const slowWs = await pausableWebSocket(stack, token, bulky);
    const slowSse = await pausableEventStream(stack, token, bulky);
    slowWs.pause();
    slowSse.pause();

    const cutOff = async (transport: string) =>
      gatewayMetric(stack, 'live_clients_cut_off_total', `transport="${transport}"`);
    let notes = 0;
    while ((await cutOff('graphql-ws')) < 1 || (await cutOff('graphql-sse')) < 1) {
      expect(notes, 'slow clients were never cut off').toBeLessThan(80);
      const note = await stack.contract(
        'AddCaseNote',
        { caseId: kase.id, body: `${notes} `.padEnd(10_000, 'n') },
        ALICE,
      );
      expect(note.errors).toBeUndefined();
      notes++;
    }

    await until(() => reader.events.length === notes, 15_000);
    expect(reader.errors).toEqual([]);
    expect(reader.events.every((e) => e.kind === 'NOTE_ADDED')).toBe(true);
    reader.stop();

    slowWs.resume();
    expect(await slowWs.closed).toEqual({
      code: 4429,
      reason: 'Too slow: resume with your last cursor.',
    });
    expect(slowWs.received()).toBeLessThan(notes + 1);
    const streamed = await slowSse.readToEnd();
    expect(streamed.at(-1)).toEqual({
      errors: [
        expect.objectContaining({
          message: 'Too slow: resume with your last cursor.',
          extensions: { code: 'RATE_LIMITED' },
        }),
      ],
    });
  });
});
