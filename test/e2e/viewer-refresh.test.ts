import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALICE } from '../support/demo-users';
import { projectOperation } from '../support/project-operations';
import { type Stack, startStack } from '../support/stack';

// The gateway keeps each viewer accounts described; after the viewer's own mutation it asks
// accounts again only when that mutation reached accounts, where every fact of a viewer lives.
// A case note or a licence change leaves the cached viewer as it was.

const ASSIGN = projectOperation('AssignAdminRole');
const REMOVE = projectOperation('RemoveAdminRole');
const ROLE = { o: 'org-contoso', u: 'user-bob', r: 'HELPDESK_ADMIN' };

describe("the caller's cached viewer after its own mutation", () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack('sqlite');
  });
  afterAll(() => stack?.stop());

  /** Statements accounts runs while Alice reads the plan catalog (billing alone answers it). */
  async function accountsStatementsForAliceRead(): Promise<number> {
    stack.resetSqlCounters();
    const plans = await stack.contract('Plans', { cloud: 'GLOBAL' }, ALICE);
    expect(plans.errors).toBeUndefined();
    return stack.subgraphs.accounts.sqlCounter.count;
  }

  it('is kept after a case note: the next request asks accounts nothing', async () => {
    await accountsStatementsForAliceRead();
    expect(await accountsStatementsForAliceRead()).toBe(0);
    const note = await stack.contract(
      'AddCaseNote',
      { caseId: 'case-contoso-1', body: 'Still failing after the restart.' },
      ALICE,
    );
    expect(note.errors).toBeUndefined();
    expect(await accountsStatementsForAliceRead()).toBe(0);
  });

  it('is looked up again after a mutation sent to accounts', async () => {
    await accountsStatementsForAliceRead();
    const assigned = await stack.query(ASSIGN, ROLE, { email: ALICE });
    expect(assigned.errors).toBeUndefined();
    expect(await accountsStatementsForAliceRead()).toBeGreaterThan(0);
    expect((await stack.query(REMOVE, ROLE, { email: ALICE })).errors).toBeUndefined();
    expect(await accountsStatementsForAliceRead()).toBeGreaterThan(0);
    expect(await accountsStatementsForAliceRead()).toBe(0);
  });
});
