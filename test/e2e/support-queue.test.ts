import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GLOBAL_ENGINEER as MICROSOFT, CN_ENGINEER as VIANET } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import { projectDocument } from '../support/project-operations';
import { firstCode, type Stack, startStack } from '../support/stack';

describe.each(testDialects())('Query.supportQueue (%s)', (dialect) => {
  let stack: Stack;
  const queue = (email: string, first?: number) =>
    stack.query(projectDocument('SupportQueue'), { first }, { email });
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(() => stack?.stop());

  it("lists the open cases of the engineer's cloud only, nearest to breach first", async () => {
    for (const [email, cloud] of [
      [MICROSOFT, 'GLOBAL'],
      [VIANET, 'CHINA_21VIANET'],
    ] as const) {
      const { data, errors } = await queue(email);
      expect(errors).toBeUndefined();
      const cases = data!.supportQueue as any[];
      expect(cases.length).toBeGreaterThan(0);
      for (const c of cases) {
        // A partner's own request has no organization; its number still says its cloud.
        expect(c.number.slice(0, 3)).toBe(cloud === 'GLOBAL' ? 'GL-' : 'CN-');
        if (c.organization) expect(c.organization.cloud).toBe(cloud);
        expect(c.status).not.toBe('CLOSED');
      }
      const waiting = cases.filter((c) => !c.responseClock.respondedAt && c.responseClock.dueAt);
      // The waiting ones come first, by due time; then the rest.
      expect(cases.slice(0, waiting.length)).toEqual(waiting);
      const due = waiting.map((c) => Date.parse(c.responseClock.dueAt));
      expect(due).toEqual([...due].sort((a, b) => a - b));
    }
  });

  it('puts a new case with a one-hour target at the top', async () => {
    const opened = await stack.contract(
      'OpenCase',
      {
        input: {
          organizationId: 'org-fabrikam',
          category: 'TECHNICAL',
          topic: 'Teams',
          title: 'Teams meetings drop for everyone',
          description: 'Every meeting ends after a minute.',
          severity: 'A',
          contact: {
            phone: '+49 30 5555 0100',
            email: 'dan@fabrikam.example',
            preferredMethod: 'PHONE',
          },
        },
      },
      'dan@fabrikam.example',
    );
    expect(opened.errors).toBeUndefined();
    const { data } = await queue(MICROSOFT);
    const first = (data!.supportQueue as any[]).find(
      (c) => Date.parse(c.responseClock.dueAt) >= Date.now(),
    );
    expect(first.id).toBe(opened.data!.openCase.id);
  });

  it('is for support engineers only, and bounded', async () => {
    expect(firstCode(await queue('alice@contoso.example'))).toBe('FORBIDDEN');
    expect(firstCode(await queue('agent@litware.example'))).toBe('FORBIDDEN');
    expect(firstCode(await stack.query(projectDocument('SupportQueue'), {}))).toBe(
      'UNAUTHENTICATED',
    );
    expect(firstCode(await queue(MICROSOFT, 101))).toBe('BAD_USER_INPUT');
    const { data } = await queue(MICROSOFT, 1);
    expect(data!.supportQueue).toHaveLength(1);
  });
});
