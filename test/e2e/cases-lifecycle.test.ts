import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupportCase } from '../../subgraphs/cases/entities/support-case.entity';
import { codes, eventsOf, openCase } from '../support/cases';
import { AGENT, ALICE, CN_ENGINEER, DAN, GLOBAL_ENGINEER as ENGINEER } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import { type Stack, startStack } from '../support/stack';

// The life of a case through the gateway (case-actions.graphql, case-detail.graphql): notes and
// the response clock, the status machine, severity, reopening, surveys and escalation.

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

describe.each(testDialects())('case lifecycle (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(() => stack?.stop());

  const act = (operation: string, variables: Record<string, unknown>, email: string) =>
    stack.contract(operation, variables, email);
  const detail = async (id: string, email = DAN) => {
    const response = await act('CaseDetail', { id }, email);
    expect(response.errors).toBeUndefined();
    return response.data!.case;
  };
  const fabrikamCase = (severity = 'A') => openCase(stack, DAN, 'org-fabrikam', { severity });

  describe('notes and the response clock', () => {
    it("keeps the clock running on the customer's notes and stops it MET on support's first", async () => {
      const kase = await fabrikamCase();
      const customer = await act(
        'AddCaseNote',
        { caseId: kase.id, body: 'Screenshots attached.' },
        DAN,
      );
      expect(customer.errors).toBeUndefined();
      expect(customer.data!.addCaseNote.responseClock).toEqual({
        state: 'RUNNING',
        respondedAt: null,
      });

      const first = await act(
        'AddCaseNote',
        { caseId: kase.id, body: 'Looking at it now.' },
        ENGINEER,
      );
      const answered = first.data!.addCaseNote;
      expect(answered.responseClock.state).toBe('MET');
      expect(answered.notes.map((n: any) => [n.body, n.fromSupport])).toEqual([
        ['Screenshots attached.', false],
        ['Looking at it now.', true],
      ]);

      await act('AddCaseNote', { caseId: kase.id, body: 'Found the cause.' }, ENGINEER);
      const after = await detail(kase.id);
      expect(after.responseClock.respondedAt).toBe(answered.responseClock.respondedAt);
      expect(after.notes.map((n: any) => n.author.email)).toEqual([DAN, ENGINEER, ENGINEER]);
      const events = await eventsOf(stack.subgraphs.cases.orm, kase.id);
      expect(events.map((e) => e.kind)).toEqual([
        'OPENED',
        'NOTE_ADDED',
        'NOTE_ADDED',
        'FIRST_RESPONSE',
        'NOTE_ADDED',
      ]);
      expect(events[3]!.after).toMatchObject({ clock: 'MET' });
    });

    it('shows BREACHED once dueAt has passed, and keeps it when support answers late', async () => {
      const kase = await fabrikamCase();
      // An hour passes without an answer.
      const em = stack.subgraphs.cases.orm.em.fork();
      await em.nativeUpdate(SupportCase, { id: kase.id }, { dueAt: new Date(Date.now() - 60_000) });
      expect((await detail(kase.id)).responseClock).toMatchObject({
        state: 'BREACHED',
        respondedAt: null,
      });
      const late = await act(
        'AddCaseNote',
        { caseId: kase.id, body: 'Sorry for the wait.' },
        ENGINEER,
      );
      expect(late.data!.addCaseNote.responseClock.state).toBe('BREACHED');
      expect(late.data!.addCaseNote.responseClock.respondedAt).not.toBeNull();
    });

    it('refuses notes from people outside the case and empty notes', async () => {
      const kase = await fabrikamCase('B');
      const note = (email: string, body = 'Hello') =>
        act('AddCaseNote', { caseId: kase.id, body }, email);
      expect(codes(await note(ALICE))).toEqual(['FORBIDDEN']);
      expect(codes(await note(CN_ENGINEER))).toEqual(['FORBIDDEN']);
      expect(codes(await note(AGENT))).toEqual(['FORBIDDEN']);
      expect(codes(await note(DAN, '  '))).toEqual(['BAD_USER_INPUT']);
      const missing = await act('AddCaseNote', { caseId: 'case-nowhere', body: 'Hi' }, DAN);
      expect(codes(missing)).toEqual(['NOT_FOUND']);
      const reader = await act(
        'AddCaseNote',
        { caseId: 'case-northwind-2', body: 'Any news?' },
        'li@northwind.example',
      );
      expect(codes(reader)).toEqual(['FORBIDDEN']);
    });
  });

  describe('statuses', () => {
    it('follows the state machine: support moves it, the customer answers and closes', async () => {
      const kase = await fabrikamCase('B');
      const status = (value: string, email: string) =>
        act('SetCaseStatus', { caseId: kase.id, status: value }, email);

      expect((await status('IN_PROGRESS', ENGINEER)).data!.setCaseStatus.status).toBe(
        'IN_PROGRESS',
      );
      expect((await status('WAITING_ON_CUSTOMER', ENGINEER)).data!.setCaseStatus.status).toBe(
        'WAITING_ON_CUSTOMER',
      );
      const answer = await act(
        'AddCaseNote',
        { caseId: kase.id, body: 'Done, please retry.' },
        DAN,
      );
      expect(answer.data!.addCaseNote.status).toBe('IN_PROGRESS');

      expect(codes(await status('OPEN', ENGINEER))).toEqual(['INVALID_TRANSITION']);
      expect(codes(await status('IN_PROGRESS', ENGINEER))).toEqual(['INVALID_TRANSITION']);
      expect(codes(await status('WAITING_ON_CUSTOMER', DAN))).toEqual(['FORBIDDEN']);

      const closed = (await status('CLOSED', DAN)).data!.setCaseStatus;
      expect(closed.status).toBe('CLOSED');
      const closedAt = Date.parse(closed.closedAt);
      expect(Math.abs(closedAt - Date.now())).toBeLessThan(60_000);
      expect(Date.parse(closed.reopenableUntil)).toBe(closedAt + 14 * DAY);

      expect(codes(await status('IN_PROGRESS', ENGINEER))).toEqual(['INVALID_TRANSITION']);
      const note = await act('AddCaseNote', { caseId: kase.id, body: 'One more thing' }, DAN);
      expect(codes(note)).toEqual(['INVALID_TRANSITION']);

      const events = await eventsOf(stack.subgraphs.cases.orm, kase.id);
      const changes = events.filter((e) => e.kind === 'STATUS_CHANGED');
      expect(changes.map((e) => [e.before?.status, e.after?.status, e.actorId])).toEqual([
        ['OPEN', 'IN_PROGRESS', 'user-engineer-global'],
        ['IN_PROGRESS', 'WAITING_ON_CUSTOMER', 'user-engineer-global'],
        ['WAITING_ON_CUSTOMER', 'IN_PROGRESS', 'user-dan'],
        ['IN_PROGRESS', 'CLOSED', 'user-dan'],
      ]);
      const ids = events.map((e) => e.id);
      expect([...ids].sort((a, b) => a - b)).toEqual(ids);
    });
  });

  describe('severity', () => {
    it('lowers A to C before the first response and counts the new target from openedAt', async () => {
      const kase = await fabrikamCase('A');
      const { data, errors } = await act(
        'LowerSeverity',
        { caseId: kase.id, severity: 'C', reason: 'Workaround in place; one user affected.' },
        ENGINEER,
      );
      expect(errors).toBeUndefined();
      expect(data!.lowerSeverity).toMatchObject({
        severity: 'C',
        severityHistory: [
          { from: 'A', to: 'C', reason: 'Workaround in place; one user affected.' },
        ],
      });
      const after = await detail(kase.id);
      expect(Date.parse(after.responseClock.dueAt) - Date.parse(kase.openedAt)).toBe(4 * HOUR);
      expect(Date.parse(after.severityHistory[0].at)).toBeGreaterThan(
        Date.parse(kase.openedAt) - 1,
      );
    });

    it('keeps dueAt once support has answered', async () => {
      const kase = await fabrikamCase('B');
      await act('AddCaseNote', { caseId: kase.id, body: 'On it.' }, ENGINEER);
      await act('LowerSeverity', { caseId: kase.id, severity: 'C', reason: 'No reply.' }, ENGINEER);
      const after = await detail(kase.id);
      expect(after.severity).toBe('C');
      expect(after.responseClock.dueAt).toBe(kase.responseClock.dueAt);
      expect(after.responseClock.state).toBe('MET');
    });

    it('recomputes a Northwind case on the 21Vianet support day', async () => {
      const kase = await openCase(stack, 'wei@northwind.example', 'org-northwind', {
        severity: 'A',
        businessImpact: 'Nobody can send mail.',
      });
      await act(
        'LowerSeverity',
        { caseId: kase.id, severity: 'B', reason: 'Partial.' },
        CN_ENGINEER,
      );
      const after = await detail(kase.id, 'wei@northwind.example');
      const expected = await act(
        'ResponseTarget',
        {
          organizationId: 'org-northwind',
          category: 'TECHNICAL',
          severity: 'B',
          openedAt: kase.openedAt,
        },
        'wei@northwind.example',
      );
      expect(after.responseClock.dueAt).toBe(expected.data!.responseTarget.dueAt);
    });

    it('refuses raising, customers, other clouds and a missing reason', async () => {
      const kase = await fabrikamCase('B');
      const lower = (severity: string, email: string, reason = 'Because.') =>
        act('LowerSeverity', { caseId: kase.id, severity, reason }, email);
      expect(codes(await lower('A', ENGINEER))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await lower('B', ENGINEER))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await lower('C', ENGINEER, ' '))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await lower('C', DAN))).toEqual(['FORBIDDEN']);
      expect(codes(await lower('C', CN_ENGINEER))).toEqual(['FORBIDDEN']);
      expect((await detail(kase.id)).severityHistory).toEqual([]);
    });
  });

  describe('reopening', () => {
    it('reopens a case closed 3 days ago; refuses the one closed 20 days ago', async () => {
      const reopened = await act(
        'ReopenCase',
        { caseId: 'case-contoso-3', reason: 'The sync stopped again.' },
        ALICE,
      );
      expect(reopened.errors).toBeUndefined();
      expect(reopened.data!.reopenCase).toEqual({
        id: 'case-contoso-3',
        status: 'OPEN',
        reopenCount: 1,
      });
      const after = await detail('case-contoso-3', ALICE);
      expect(after).toMatchObject({ closedAt: null, reopenableUntil: null });
      expect(after.notes.at(-1)).toMatchObject({
        body: 'Reopened: The sync stopped again.',
        fromSupport: false,
        author: { email: ALICE },
      });

      const late = await act(
        'ReopenCase',
        { caseId: 'case-contoso-4', reason: 'Still wrong.' },
        ALICE,
      );
      expect(codes(late)).toEqual(['REOPEN_WINDOW_CLOSED']);
      expect(late.errors![0]!.message).toMatch(/open a new case/);
      expect((await detail('case-contoso-4', ALICE)).status).toBe('CLOSED');
    });

    it('starts a new response cycle from the reopening instant', async () => {
      const before = Date.now();
      await act('ReopenCase', { caseId: 'case-fabrikam-3', reason: 'Loop is back.' }, DAN);
      const clock = (await detail('case-fabrikam-3')).responseClock;
      expect(clock.state).toBe('RUNNING');
      expect(clock.respondedAt).toBeNull();
      expect(Date.parse(clock.dueAt)).toBeGreaterThanOrEqual(before + 4 * HOUR - 1000);
      expect(Date.parse(clock.dueAt)).toBeLessThanOrEqual(Date.now() + 4 * HOUR);
    });

    it('is for the organization: not for members without role, engineers, or open cases', async () => {
      const reopen = (caseId: string, email: string) =>
        act('ReopenCase', { caseId, reason: 'Again.' }, email);
      const kase = await fabrikamCase('B');
      expect(codes(await reopen(kase.id, DAN))).toEqual(['INVALID_TRANSITION']);
      await act('SetCaseStatus', { caseId: kase.id, status: 'CLOSED' }, DAN);
      expect(codes(await reopen(kase.id, ENGINEER))).toEqual(['FORBIDDEN']);
      const contoso = await openCase(stack, ALICE, 'org-contoso');
      await act('SetCaseStatus', { caseId: contoso.id, status: 'CLOSED' }, ALICE);
      expect(codes(await reopen(contoso.id, 'bob@contoso.example'))).toEqual(['FORBIDDEN']);
    });
  });

  describe('surveys', () => {
    it('takes one survey per closure, from the organization only', async () => {
      const kase = await fabrikamCase('B');
      const survey = (email: string, rating = 5, comment: string | null = 'Quick and clear.') =>
        act('SubmitSurvey', { caseId: kase.id, rating, comment }, email);
      expect(codes(await survey(DAN))).toEqual(['INVALID_TRANSITION']);
      await act('SetCaseStatus', { caseId: kase.id, status: 'CLOSED' }, ENGINEER);

      expect(codes(await survey(DAN, 6))).toEqual(['BAD_USER_INPUT']);
      expect(codes(await survey(ENGINEER))).toEqual(['FORBIDDEN']);
      const first = await survey(DAN);
      expect(first.data!.submitSurvey.survey).toEqual({ rating: 5, comment: 'Quick and clear.' });
      expect(codes(await survey(DAN, 1))).toEqual(['INVALID_TRANSITION']);

      await act('ReopenCase', { caseId: kase.id, reason: 'Came back.' }, DAN);
      expect((await detail(kase.id)).survey).toBeNull();
      await act('SetCaseStatus', { caseId: kase.id, status: 'CLOSED' }, DAN);
      const second = await survey(DAN, 3, null);
      expect(second.data!.submitSurvey.survey).toEqual({ rating: 3, comment: null });
      const events = await eventsOf(stack.subgraphs.cases.orm, kase.id);
      expect(events.filter((e) => e.kind === 'SURVEY_SUBMITTED').map((e) => e.after)).toEqual([
        { closure: 0, rating: 5 },
        { closure: 1, rating: 3 },
      ]);
    });
  });

  describe('escalation', () => {
    const dashboard = async () => {
      const { data, errors } = await act('PartnerDashboard', {}, AGENT);
      expect(errors).toBeUndefined();
      return data!.viewer.partner;
    };

    it('lets Litware escalate the cases it opened for Tailspin, and counts them', async () => {
      const before = await dashboard();
      expect(before.escalationCount).toBe(1); // the seeded, judged escalation of case-tailspin-2
      const tailspin = before.customers.find((c: any) => c.organization.id === 'org-tailspin');
      expect(tailspin.organization.cases.edges.map((e: any) => e.node.status)).not.toContain(
        'CLOSED',
      );

      const escalate = (caseId: string, email: string) =>
        act('EscalateCase', { caseId, reason: 'Activation server rejects valid licences.' }, email);
      const done = await escalate('case-tailspin-1', AGENT);
      expect(done.data!.escalateCase).toEqual({ id: 'case-tailspin-1', escalated: true });
      expect(codes(await escalate('case-tailspin-1', AGENT))).toEqual(['INVALID_TRANSITION']);

      const other = await openCase(stack, AGENT, 'org-tailspin', { severity: 'C' });
      await escalate(other.id, AGENT);
      expect((await dashboard()).escalationCount).toBe(3);
    });

    it('is refused to the customer itself, to support and to cases the partner did not open', async () => {
      const escalate = (caseId: string, email: string) =>
        act('EscalateCase', { caseId, reason: 'Please.' }, email);
      const kase = await openCase(stack, AGENT, 'org-tailspin', { severity: 'C' });
      expect(codes(await escalate(kase.id, 'mei@tailspin.example'))).toEqual(['FORBIDDEN']);
      expect(codes(await escalate(kase.id, CN_ENGINEER))).toEqual(['FORBIDDEN']);
      expect(codes(await escalate('case-fabrikam-1', AGENT))).toEqual(['FORBIDDEN']);
      expect(codes(await escalate('case-fabrikam-1', DAN))).toEqual(['FORBIDDEN']);
    });

    it("shows a partner's escalation count to its agents and support, not to its customers", async () => {
      const query = '{ case(id: "case-tailspin-1") { onBehalfOf { name escalationCount } } }';
      const asAgent = await stack.query(query, {}, { email: AGENT });
      expect(asAgent.data!.case.onBehalfOf.escalationCount).toEqual(expect.any(Number));
      const asEngineer = await stack.query(query, {}, { email: CN_ENGINEER });
      expect(asEngineer.errors).toBeUndefined();
      const asCustomer = await stack.query(query, {}, { email: 'mei@tailspin.example' });
      expect(asCustomer.data!.case.onBehalfOf).toEqual({ name: 'Litware', escalationCount: null });
      expect(codes(asCustomer)).toEqual(['FORBIDDEN']);
    });
  });

  describe('reading a case', () => {
    it('shows the whole case to the organization, its partner and the engineers of its cloud', async () => {
      const kase = await detail('case-tailspin-1', AGENT);
      expect(kase).toMatchObject({
        number: expect.stringMatching(/^CN-/),
        organization: { id: 'org-tailspin', name: 'Tailspin', cloud: 'CHINA_21VIANET' },
      });
      expect((await detail('case-tailspin-1', 'mei@tailspin.example')).id).toBe('case-tailspin-1');
      expect((await detail('case-tailspin-1', CN_ENGINEER)).id).toBe('case-tailspin-1');
      for (const email of [ENGINEER, ALICE, 'bob@contoso.example']) {
        const refused = await act('CaseDetail', { id: 'case-tailspin-1' }, email);
        expect(codes(refused)).toEqual(['FORBIDDEN']);
        expect(JSON.stringify(refused.data)).not.toContain('Tailspin');
      }
    });
  });
});
