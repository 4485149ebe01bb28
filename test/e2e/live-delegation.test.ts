import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase } from '../support/cases';
import { AGENT, MEI } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import {
  currentCursor,
  type Subscription,
  settle,
  subscribeCaseEvents,
  type Transport,
  until,
} from '../support/live';
import { projectOperation } from '../support/project-operations';
import { type Stack, startStack } from '../support/stack';

// A delegation that ends while its partner agent is subscribed: the gateway forgets the agent's
// cached viewer when the termination commits (its 15 s cache notwithstanding), so the agent's
// next request is refused, and the next event of that customer ends the stream, whatever the
// upstream subscription (opened with the old viewer context) would let through.

const DELEGATIONS = projectOperation('TailspinDelegations');
const NAME = projectOperation('TailspinName');
const TERMINATE = projectOperation('TerminateDelegation');
const NOTE = 'Still failing after a restart.';

describe.each(testDialects())('a delegation that ends mid-stream (%s)', (dialect) => {
  let stack: Stack;
  const open: Subscription[] = [];
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(async () => {
    for (const s of open) s.stop();
    await stack?.stop();
  });

  it('stops the partner agent seeing that customer from then on', async () => {
    const kase = await openCase(stack, AGENT, 'org-tailspin');
    const after = await currentCursor(stack);
    const token = await stack.token(AGENT);
    const subs = (['graphql-ws', 'graphql-sse'] as Transport[]).map((transport) =>
      subscribeCaseEvents(stack, transport, token, { after }),
    );
    open.push(...subs);
    const addNote = async () => {
      const note = await stack.contract('AddCaseNote', { caseId: kase.id, body: NOTE }, MEI);
      expect(note.errors).toBeUndefined();
    };
    await addNote();
    await until(() => subs.every((s) => s.events.length === 1));

    // The agent's viewer is cached now (for 15 s).
    expect((await stack.query(NAME, {}, { email: AGENT })).data?.organization.name).toBe(
      'Tailspin',
    );
    const listed = await stack.query(DELEGATIONS, {}, { email: MEI });
    const active = listed.data?.organization.delegations.find(
      (d: { status: string }) => d.status === 'ACTIVE',
    );
    const ended = await stack.query(TERMINATE, { id: active.id }, { email: MEI });
    expect(ended.data?.terminateDelegation.status).toBe('TERMINATED');
    const next = await stack.query(NAME, {}, { email: AGENT });
    expect(next.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    await addNote();
    await until(() => subs.every((s) => s.errors.length > 0));
    await settle();

    for (const s of subs) {
      expect(s.events.map((e) => [e.kind, e.case.id])).toEqual([['NOTE_ADDED', kase.id]]);
      expect(s.errors).toEqual([expect.objectContaining({ extensions: { code: 'FORBIDDEN' } })]);
    }
  });
});
