import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT, ALICE } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import { projectOperation } from '../support/project-operations';
import { firstCode, type Stack, startStack } from '../support/stack';

const ASSIGN = projectOperation('AssignAdminRole');
const REMOVE = projectOperation('RemoveAdminRole');
const AUDIT = projectOperation('OrganizationAuditLog');
const CASES = projectOperation('OrganizationCaseCount');
const ADD_CONTACT = projectOperation('AddRegisteredContact');
const REMOVE_CONTACT = projectOperation('RemoveRegisteredContact');
const REQUEST = projectOperation('RequestDelegation');
const APPROVE = projectOperation('ApproveDelegation');
const TERMINATE = projectOperation('TerminateDelegation');
const NAME = projectOperation('OrganizationName');

describe.each(testDialects())('accounts administration through the gateway (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    // The gateway's viewer cache is on (15 s), yet a change reaches the affected person on its
    // very next request: accounts names whose viewer it changed, and the gateway forgets them.
    stack = await startStack(dialect);
  });
  afterAll(() => stack?.stop());

  it('lets a global admin give and take admin roles, with an audit trail', async () => {
    expect(
      firstCode(await stack.query(CASES, { o: 'org-contoso' }, { email: 'bob@contoso.example' })),
    ).toBe('FORBIDDEN');
    const assigned = await stack.query(
      ASSIGN,
      { o: 'org-contoso', u: 'user-bob', r: 'HELPDESK_ADMIN' },
      { email: ALICE },
    );
    expect(assigned.data?.assignAdminRole.adminRoles).toEqual(['HELPDESK_ADMIN']);
    expect(JSON.stringify(assigned)).not.toContain('viewerChanges');
    const bobCases = await stack.query(
      CASES,
      { o: 'org-contoso' },
      { email: 'bob@contoso.example' },
    );
    expect(bobCases.data?.organization.cases.totalCount).toBeGreaterThan(0);
    await stack.query(
      REMOVE,
      { o: 'org-contoso', u: 'user-bob', r: 'HELPDESK_ADMIN' },
      { email: ALICE },
    );
    expect(
      firstCode(await stack.query(CASES, { o: 'org-contoso' }, { email: 'bob@contoso.example' })),
    ).toBe('FORBIDDEN');
    const audit = await stack.query(AUDIT, { o: 'org-contoso' }, { email: ALICE });
    expect(audit.data?.organization.auditLog.slice(0, 2)).toEqual([
      { action: 'role.removed', target: 'user-bob', actorEmail: ALICE },
      { action: 'role.assigned', target: 'user-bob', actorEmail: ALICE },
    ]);
  });

  it('refuses role changes to anyone but a global admin, and leaves nothing behind', async () => {
    const auditBefore = (await stack.query(AUDIT, { o: 'org-contoso' }, { email: ALICE })).data
      ?.organization.auditLog.length;
    expect(
      firstCode(
        await stack.query(
          ASSIGN,
          { o: 'org-contoso', u: 'user-bob', r: 'GLOBAL_ADMIN' },
          { email: 'carol@contoso.example' },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      firstCode(
        await stack.query(
          ASSIGN,
          { o: 'org-contoso', u: 'user-dan', r: 'GLOBAL_ADMIN' },
          { email: ALICE },
        ),
      ),
    ).toBe('NOT_FOUND');
    const lastAdmin = await stack.query(
      REMOVE,
      { o: 'org-contoso', u: 'user-alice', r: 'GLOBAL_ADMIN' },
      { email: ALICE },
    );
    expect(firstCode(lastAdmin)).toBe('BAD_USER_INPUT');
    expect(lastAdmin.errors?.[0].message).toMatch(/last global admin/);
    const after = await stack.query(AUDIT, { o: 'org-contoso' }, { email: ALICE });
    expect(after.data?.organization.auditLog.length).toBe(auditBefore);
    expect(
      firstCode(await stack.query(AUDIT, { o: 'org-contoso' }, { email: 'bob@contoso.example' })),
    ).toBe('FORBIDDEN');
  });

  it('registers and removes contacts, validating phones and e-mails', async () => {
    const added = await stack.query(
      ADD_CONTACT,
      { o: 'org-contoso', k: 'PHONE', v: '+1 425 555 0199' },
      { email: ALICE },
    );
    expect(added.data?.addRegisteredContact).toMatchObject({
      kind: 'PHONE',
      value: '+1 425 555 0199',
    });
    const duplicate = await stack.query(
      ADD_CONTACT,
      { o: 'org-contoso', k: 'PHONE', v: '+14255550199' },
      { email: ALICE },
    );
    expect(firstCode(duplicate)).toBe('BAD_USER_INPUT');
    expect(
      firstCode(
        await stack.query(
          ADD_CONTACT,
          { o: 'org-contoso', k: 'EMAIL', v: 'not-an-email' },
          { email: ALICE },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      firstCode(
        await stack.query(
          ADD_CONTACT,
          { o: 'org-contoso', k: 'PHONE', v: '555 0199' },
          { email: ALICE },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    const removed = await stack.query(
      REMOVE_CONTACT,
      { id: added.data?.addRegisteredContact.id },
      { email: ALICE },
    );
    expect(
      removed.data?.removeRegisteredContact.registeredContacts.map(
        (c: { value: string }) => c.value,
      ),
    ).not.toContain('+1 425 555 0199');
  });

  it('runs a delegation from request to approval to termination, granting only in between', async () => {
    expect(firstCode(await stack.query(NAME, { o: 'org-contoso' }, { email: AGENT }))).toBe(
      'FORBIDDEN',
    );
    const requested = await stack.query(
      REQUEST,
      { o: 'org-contoso', r: ['SERVICE_SUPPORT_ADMIN'], d: 30 },
      { email: AGENT },
    );
    expect(requested.data?.requestDelegation).toMatchObject({ status: 'PENDING', valid: false });
    const id = requested.data?.requestDelegation.id;
    expect(firstCode(await stack.query(NAME, { o: 'org-contoso' }, { email: AGENT }))).toBe(
      'FORBIDDEN',
    );
    expect(firstCode(await stack.query(APPROVE, { id }, { email: 'carol@contoso.example' }))).toBe(
      'FORBIDDEN',
    );

    const approved = await stack.query(APPROVE, { id }, { email: ALICE });
    expect(approved.data?.approveDelegation).toMatchObject({ status: 'ACTIVE', valid: true });
    const days = (Date.parse(approved.data?.approveDelegation.endsAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    expect(
      (await stack.query(NAME, { o: 'org-contoso' }, { email: AGENT })).data?.organization.name,
    ).toBe('Contoso');
    expect(firstCode(await stack.query(APPROVE, { id }, { email: ALICE }))).toBe(
      'INVALID_TRANSITION',
    );

    const ended = await stack.query(TERMINATE, { id }, { email: ALICE });
    expect(ended.data?.terminateDelegation).toMatchObject({ status: 'TERMINATED', valid: false });
    expect(firstCode(await stack.query(NAME, { o: 'org-contoso' }, { email: AGENT }))).toBe(
      'FORBIDDEN',
    );
  });

  it('refuses delegations of the global admin role, or outside 1 day to 2 years', async () => {
    for (const [roles, days] of [
      [['GLOBAL_ADMIN'], 30],
      [['SERVICE_SUPPORT_ADMIN'], 0],
      [['SERVICE_SUPPORT_ADMIN'], 731],
    ] as const) {
      expect(
        firstCode(
          await stack.query(REQUEST, { o: 'org-contoso', r: roles, d: days }, { email: AGENT }),
        ),
      ).toBe('BAD_USER_INPUT');
    }
    expect(
      firstCode(
        await stack.query(
          REQUEST,
          { o: 'org-contoso', r: ['HELPDESK_ADMIN'], d: 30 },
          { email: ALICE },
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});
