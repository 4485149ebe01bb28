import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, eventsOf, openCase } from '../support/cases';
import { AGENT, CN_ENGINEER, MEI } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import { projectDocument } from '../support/project-operations';
import { type Stack, startStack } from '../support/stack';

// Issue 12.7 through the gateway: support judges a partner's escalations, and the partner's record
// shows both counts and whether a remediation plan is due (our threshold: 3 inappropriate in 90
// days).

describe.each(testDialects())('escalation review (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(() => stack?.stop());

  const run = (operationName: string, variables: Record<string, unknown>, email: string) =>
    stack.query(projectDocument(operationName), variables, { email, operationName });
  const review = async () => {
    const { data, errors } = await run('PartnerEscalationReview', {}, AGENT);
    expect(errors).toBeUndefined();
    return data!.viewer.partner.escalationReview;
  };
  const escalated = async () => {
    const kase = await openCase(stack, AGENT, 'org-tailspin', { severity: 'C' });
    const done = await stack.contract(
      'EscalateCase',
      { caseId: kase.id, reason: 'No idea.' },
      AGENT,
    );
    expect(done.errors).toBeUndefined();
    return kase.id as string;
  };
  const judge = (caseId: string, appropriate: boolean, email = CN_ENGINEER) =>
    run(
      'JudgeEscalation',
      { caseId, appropriate, reason: 'Documented in the admin centre.' },
      email,
    );

  it('shows the seeded judgement: one inappropriate escalation, no plan due yet', async () => {
    expect(await review()).toMatchObject({
      escalated: 1,
      appropriate: 0,
      inappropriate: 1,
      awaitingJudgement: 0,
      inappropriateInWindow: 1,
      remediationPlanDue: false,
      remediationRule: expect.stringMatching(/3 escalations .* 90 days/),
    });
  });

  it('counts judgements, logs them, and makes a plan due at the third inappropriate one', async () => {
    const first = await escalated();
    const second = await escalated();
    expect(await review()).toMatchObject({ escalated: 3, awaitingJudgement: 2 });

    const judged = await judge(first, true);
    expect(judged.errors).toBeUndefined();
    expect(judged.data!.judgeEscalation.escalationJudgement).toMatchObject({
      appropriate: true,
      reason: 'Documented in the admin centre.',
      judgedBy: { email: CN_ENGINEER },
    });
    expect(await review()).toMatchObject({
      appropriate: 1,
      inappropriate: 1,
      remediationPlanDue: false,
    });

    await judge(second, false);
    // Support changes its mind about the first: the later judgement counts.
    await judge(first, false);
    expect(await review()).toMatchObject({
      appropriate: 0,
      inappropriate: 3,
      awaitingJudgement: 0,
      remediationPlanDue: true,
    });
    const events = await eventsOf(stack.subgraphs.cases.orm, first);
    expect(events.filter((e) => e.kind === 'ESCALATION_JUDGED').map((e) => e.after)).toEqual([
      expect.objectContaining({ appropriate: true }),
      expect.objectContaining({ appropriate: false }),
    ]);
  });

  it('lets only support of the cloud judge, and only escalated cases', async () => {
    const caseId = await escalated();
    expect(codes(await judge(caseId, false, AGENT))).toEqual(['FORBIDDEN']);
    expect(codes(await judge(caseId, false, MEI))).toEqual(['FORBIDDEN']);
    expect(codes(await judge(caseId, false, 'engineer@support.microsoft.example'))).toEqual([
      'FORBIDDEN',
    ]);
    expect(codes(await judge('case-tailspin-1', true))).toEqual(['INVALID_TRANSITION']);
    const blank = await run(
      'JudgeEscalation',
      { caseId, appropriate: true, reason: ' ' },
      CN_ENGINEER,
    );
    expect(codes(blank)).toEqual(['BAD_USER_INPUT']);
  });

  it('shows the judgement to the partner and support, not to the customer', async () => {
    const asEngineer = await run('CaseEscalation', { id: 'case-tailspin-2' }, CN_ENGINEER);
    expect(asEngineer.errors).toBeUndefined();
    expect(asEngineer.data!.case.escalationJudgement).toMatchObject({ appropriate: false });
    expect(asEngineer.data!.case.onBehalfOf.escalationReview.inappropriate).toBeGreaterThan(0);
    const asAgent = await run('CaseEscalation', { id: 'case-tailspin-2' }, AGENT);
    expect(asAgent.errors).toBeUndefined();
    const asCustomer = await run('CaseEscalation', { id: 'case-tailspin-2' }, MEI);
    expect(asCustomer.data!.case).toMatchObject({
      escalated: true,
      escalationJudgement: null,
      onBehalfOf: { escalationReview: null },
    });
    expect(codes(asCustomer)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
  });
});
