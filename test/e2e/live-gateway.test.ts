import type { GraphQLError } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCase } from '../support/cases';
import { AGENT, ALICE, HANA } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import {
  currentCursor,
  type Subscription,
  settle,
  subscribeCaseEvents,
  type Transport,
  until,
} from '../support/live';
import { type Stack, startStack } from '../support/stack';

// Live case updates through the gateway, with the real graphql-ws and graphql-sse clients and the
// contract's CaseEvents subscription; events come from the contract mutations.

const TRANSPORTS: Transport[] = ['graphql-ws', 'graphql-sse'];

const nested = (levels: number): string =>
  levels === 0
    ? 'id'
    : `cases(first: 1) { edges { node { organization { ${nested(levels - 1)} } } } }`;

describe.each(testDialects())('live case updates through the gateway (%s)', (dialect) => {
  let stack: Stack;
  const open: Subscription[] = [];
  const subscribe = async (
    transport: Transport,
    email: string | null,
    variables: { organizationId?: string; after?: string } = {},
  ) => {
    const token = email ? await stack.token(email) : null;
    const s = subscribeCaseEvents(stack, transport, token, variables);
    open.push(s);
    return s;
  };

  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(async () => {
    for (const s of open) s.stop();
    await stack?.stop();
  });

  describe.each(TRANSPORTS)('over %s', (transport) => {
    it('resolves cross-subgraph fields in every event', async () => {
      const sub = await subscribe(transport, ALICE, {
        organizationId: 'org-contoso',
        after: await currentCursor(stack),
      });
      const kase = await openCase(stack, ALICE, 'org-contoso');
      const note = await stack.contract(
        'AddCaseNote',
        { caseId: kase.id, body: 'Still failing after a restart.' },
        ALICE,
      );
      expect(note.errors).toBeUndefined();
      await until(() => sub.events.length >= 2);
      expect(sub.errors).toEqual([]);
      expect(sub.events.map((e) => e.kind)).toEqual(['OPENED', 'NOTE_ADDED']);
      const [first] = sub.events;
      expect(first!.case).toMatchObject({
        id: kase.id,
        number: kase.number,
        organization: { id: 'org-contoso', name: 'Contoso' },
      });
      expect(first!.case.organization.supportEntitlement?.planFamily).toEqual(expect.any(String));
      sub.stop();
    });

    it('delivers each tenant exactly its own events', async () => {
      const after = await currentCursor(stack);
      const alice = await subscribe(transport, ALICE, { after });
      const agent = await subscribe(transport, AGENT, { after });
      const contoso = await openCase(stack, ALICE, 'org-contoso');
      const tailspin = await openCase(stack, AGENT, 'org-tailspin');
      const adatum = await openCase(stack, HANA, 'org-adatum');
      await until(() => alice.events.length >= 1 && agent.events.length >= 1);
      await settle();
      expect(alice.errors).toEqual([]);
      expect(agent.errors).toEqual([]);
      expect(alice.events.map((e) => e.case.id)).toEqual([contoso.id]);
      expect(agent.events.map((e) => e.case.id)).toEqual([tailspin.id]);
      expect(agent.events[0]!.case.organization.name).toBe('Tailspin');
      expect(JSON.stringify([alice.events, agent.events])).not.toContain(adatum.id);
      alice.stop();
      agent.stop();
    });

    it('resumes after a disconnect with nothing missed and nothing doubled', async () => {
      const first = await subscribe(transport, ALICE, {
        organizationId: 'org-contoso',
        after: await currentCursor(stack),
      });
      await openCase(stack, ALICE, 'org-contoso');
      await until(() => first.events.length === 1);
      first.stop();
      const missed = [await openCase(stack, ALICE, 'org-contoso')];
      missed.push(await openCase(stack, ALICE, 'org-contoso'));
      const resumed = await subscribe(transport, ALICE, {
        organizationId: 'org-contoso',
        after: first.events[0]!.cursor,
      });
      await until(() => resumed.events.length === 2);
      const live = await openCase(stack, ALICE, 'org-contoso');
      await until(() => resumed.events.length >= 3);
      await settle();
      expect(resumed.errors).toEqual([]);
      expect(resumed.events.map((e) => e.case.id)).toEqual([...missed.map((c) => c.id), live.id]);
      resumed.stop();
    });

    it('ends the stream with a clear reason when the token expires', async () => {
      const token = await stack.token(ALICE, Math.floor(Date.now() / 1000) + 2);
      const sub = subscribeCaseEvents(stack, transport, token);
      open.push(sub);
      await until(() => sub.errors.length > 0, 6000);
      const expected =
        transport === 'graphql-ws'
          ? { closeCode: 4403, reason: expect.stringMatching(/expired/) }
          : { message: expect.stringMatching(/expired/) };
      expect(sub.errors).toEqual([expect.objectContaining(expected)]);
    });

    it.each([
      [
        'an over-deep subscription',
        `subscription { caseEvents { case { organization { ${nested(3)} } } } }`,
      ],
      [
        'an alias-bombed subscription',
        `subscription { caseEvents { ${Array.from({ length: 20 }, (_, i) => `a${i}: cursor`).join(' ')} } }`,
      ],
      ['a token flood', `subscription { caseEvents { ${'cursor '.repeat(1_100)} } }`],
    ])('refuses %s with OPERATION_TOO_COMPLEX', async (_name, query) => {
      const sub = subscribeCaseEvents(stack, transport, await stack.token(ALICE), {}, query);
      open.push(sub);
      await until(() => sub.errors.length > 0);
      await settle();
      expect(sub.events).toEqual([]);
      expect(sub.errors.map((e) => (e as GraphQLError).extensions?.code)).toEqual([
        'OPERATION_TOO_COMPLEX',
      ]);
    });

    it('refuses anonymous callers and invalid tokens', async () => {
      const anonymous = await subscribe(transport, null);
      const forged = subscribeCaseEvents(stack, transport, 'not.a.jwt');
      open.push(forged);
      await until(() => anonymous.errors.length > 0 && forged.errors.length > 0);
      expect(anonymous.events).toEqual([]);
      expect(forged.events).toEqual([]);
      const refusal =
        transport === 'graphql-ws'
          ? expect.objectContaining({ closeCode: 4403 })
          : expect.objectContaining({ status: 401 });
      expect(anonymous.errors).toEqual([refusal]);
      expect(forged.errors).toEqual([refusal]);
    });
  });
});
