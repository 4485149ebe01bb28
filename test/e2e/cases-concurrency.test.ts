import type { MikroORM } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseEventKind } from '../../subgraphs/cases/domain/case-enums';
import { CaseEvent } from '../../subgraphs/cases/entities/case-event.entity';
import { CaseNote } from '../../subgraphs/cases/entities/case-note.entity';
import { SequenceCounter } from '../../subgraphs/cases/entities/sequence-counter.entity';
import { SupportCase } from '../../subgraphs/cases/entities/support-case.entity';
import { caseInput, codes, openCase } from '../support/cases';
import { DAN, GLOBAL_ENGINEER as ENGINEER } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import { type Stack, startStack } from '../support/stack';

// Submits that race, and changes that fail halfway: what a user must never see is a second case
// for one submit, two cases with one number, a gap in the numbers, or half a change.

const counter = async (orm: MikroORM, name: string) =>
  (await orm.em.fork().findOne(SequenceCounter, { name }))?.value ?? 0;

describe.each(testDialects())('racing submits (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(() => stack?.stop());

  const submit = (email: string, overrides: Record<string, unknown>) =>
    stack.contract('OpenCase', { input: caseInput('org-fabrikam', overrides) }, email);

  it('opens one case for eight simultaneous submits with the same key', async () => {
    const key = `double-click-${dialect}`;
    const responses = await Promise.all(
      Array.from({ length: 8 }, () => submit(DAN, { idempotencyKey: key })),
    );
    for (const response of responses) expect(response.errors).toBeUndefined();
    const ids = new Set(responses.map((r) => r.data!.openCase.id));
    const numbers = new Set(responses.map((r) => r.data!.openCase.number));
    expect(ids.size).toBe(1);
    expect(numbers.size).toBe(1);
    const em = stack.subgraphs.cases.orm.em.fork();
    expect(await em.count(SupportCase, { idempotencyKey: key })).toBe(1);
    expect(await em.count(CaseEvent, { caseId: [...ids][0], kind: CaseEventKind.OPENED })).toBe(1);
    // The losers' transactions rolled back: the next case takes the very next number.
    const next = await openCase(stack, DAN, 'org-fabrikam');
    expect(Number(next.number.slice(3))).toBe(Number([...numbers][0]!.slice(3)) + 1);
  });

  it('gives twelve simultaneous cases of one cloud twelve consecutive numbers', async () => {
    const orm = stack.subgraphs.cases.orm;
    const before = await counter(orm, 'case-number:GLOBAL');
    const responses = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 2 === 0
          ? submit(DAN, { title: `Parallel case ${i}` })
          : stack.contract(
              'OpenCase',
              { input: caseInput('org-contoso', { title: `Parallel case ${i}` }) },
              'alice@contoso.example',
            ),
      ),
    );
    for (const response of responses) expect(response.errors).toBeUndefined();
    const numbers = responses.map((r) => Number(r.data!.openCase.number.slice(3)));
    expect([...numbers].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 12 }, (_, i) => before + 1 + i),
    );
  });

  it('numbers events in commit order, without gaps, under parallel changes', async () => {
    const orm = stack.subgraphs.cases.orm;
    const cases = await Promise.all(
      Array.from({ length: 4 }, () => openCase(stack, DAN, 'org-fabrikam')),
    );
    await Promise.all(
      cases.flatMap((kase) =>
        ['First', 'Second', 'Third'].map((body) =>
          stack.contract('AddCaseNote', { caseId: kase.id, body }, ENGINEER),
        ),
      ),
    );
    const events = await orm.em.fork().find(CaseEvent, {}, { orderBy: { id: 'asc' } });
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => i + 1));
    expect(await counter(orm, 'case-event')).toBe(events.length);
    for (const kase of cases) {
      const own = events.filter((e) => e.caseId === kase.id).map((e) => e.kind);
      // Exactly one of the racing notes was the first response.
      expect(own.filter((k) => k === 'FIRST_RESPONSE')).toHaveLength(1);
      expect(own.filter((k) => k === 'NOTE_ADDED')).toHaveLength(3);
    }
  });
});

/** Makes the database refuse one kind of case event, as a crash between two writes would. */
async function failEventsOf(
  orm: MikroORM,
  dialect: string,
  kind: string,
): Promise<() => Promise<void>> {
  const connection = orm.em.getConnection();
  const trigger = `fail_${kind.toLowerCase()}`;
  if (dialect === 'postgresql') {
    await connection.execute(
      `create or replace function ${trigger}() returns trigger language plpgsql as $$ begin raise exception 'injected failure'; end $$`,
    );
    await connection.execute(
      `create trigger ${trigger} before insert on case_event for each row when (new.kind = '${kind}') execute function ${trigger}()`,
    );
    return async () => {
      await connection.execute(`drop trigger ${trigger} on case_event`);
    };
  }
  await connection.execute(
    `create trigger ${trigger} before insert on case_event when new.kind = '${kind}' begin select raise(abort, 'injected failure'); end`,
  );
  return async () => {
    await connection.execute(`drop trigger ${trigger}`);
  };
}

describe.each(testDialects())('a change that fails halfway (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect, { logSink: () => {} });
  });
  afterAll(() => stack?.stop());

  it('leaves no case, no event and no used number when opening fails at its last write', async () => {
    const orm = stack.subgraphs.cases.orm;
    const before = {
      cases: await orm.em.fork().count(SupportCase),
      events: await orm.em.fork().count(CaseEvent),
      number: await counter(orm, 'case-number:GLOBAL'),
      sequence: await counter(orm, 'case-event'),
    };
    const restore = await failEventsOf(orm, dialect, 'OPENED');
    const failed = await stack.contract(
      'OpenCase',
      { input: caseInput('org-fabrikam', { title: 'Doomed case' }) },
      DAN,
    );
    await restore();
    expect(codes(failed)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(failed)).not.toContain('injected');
    expect(await orm.em.fork().count(SupportCase)).toBe(before.cases);
    expect(await orm.em.fork().count(CaseEvent)).toBe(before.events);
    expect(await counter(orm, 'case-number:GLOBAL')).toBe(before.number);
    expect(await counter(orm, 'case-event')).toBe(before.sequence);

    const next = await openCase(stack, DAN, 'org-fabrikam');
    expect(Number(next.number.slice(3))).toBe(before.number + 1);
  });

  it('leaves no note and a running clock when the first response fails to log', async () => {
    const orm = stack.subgraphs.cases.orm;
    const kase = await openCase(stack, DAN, 'org-fabrikam', { severity: 'A' });
    const events = await orm.em.fork().count(CaseEvent, { caseId: kase.id });
    const restore = await failEventsOf(orm, dialect, 'FIRST_RESPONSE');
    const failed = await stack.contract(
      'AddCaseNote',
      { caseId: kase.id, body: 'Looking into it.' },
      ENGINEER,
    );
    await restore();
    expect(codes(failed)).toEqual(['INTERNAL_SERVER_ERROR']);
    const em = orm.em.fork();
    expect(await em.count(CaseNote, { caseId: kase.id })).toBe(0);
    expect(await em.count(CaseEvent, { caseId: kase.id })).toBe(events);
    const detail = await stack.contract('CaseDetail', { id: kase.id }, DAN);
    expect(detail.data!.case.responseClock).toMatchObject({ state: 'RUNNING', respondedAt: null });
    expect(detail.data!.case.notes).toEqual([]);

    const retried = await stack.contract(
      'AddCaseNote',
      { caseId: kase.id, body: 'Looking into it.' },
      ENGINEER,
    );
    expect(retried.data!.addCaseNote.responseClock.state).toBe('MET');
  });
});
