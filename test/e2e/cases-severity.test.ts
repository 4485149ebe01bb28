import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SupportCase } from '../../subgraphs/cases/entities/support-case.entity';
import { caseInput, codes, eventsOf } from '../support/cases';
import {
  ALICE,
  BOB,
  CAROL,
  CN_ENGINEER,
  DAN,
  GLOBAL_ENGINEER as ENGINEER,
  HANA,
  WEI,
} from '../support/demo-users';
import { testDialects } from '../support/dialects';
import { currentCursor, subscribeCaseEvents, until } from '../support/live';
import { projectDocument } from '../support/project-operations';
import { type Stack, startStack } from '../support/stack';

// Issue 12 through the gateway: support assigns the severity (12.1), a target of our own says so
// (12.4), support closes out-of-scope cases (12.5). Operations: test/operations/cases-severity.graphql.

const HOUR = 3_600_000;

const impact = (usersAffected: string, serviceState: string, workaroundExists: boolean) => ({
  usersAffected,
  serviceState,
  workaroundExists,
});
const ONE_USER_IMPAIRED = impact('SINGLE_USER', 'IMPAIRED', false);
const OUTAGE = impact('MULTIPLE_USERS', 'UNUSABLE', false);

describe.each(testDialects())('severity, target basis and out of scope (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(() => stack?.stop());

  const run = (operation: string, variables: Record<string, unknown>, email: string) =>
    stack.query(projectDocument(operation), variables, { email, operationName: operation });
  const ok = async (operation: string, variables: Record<string, unknown>, email: string) => {
    const response = await run(operation, variables, email);
    expect(response.errors).toBeUndefined();
    return Object.values(response.data!)[0] as Record<string, any>;
  };
  const open = (email: string, organizationId: string, overrides: Record<string, unknown>) =>
    ok('OpenCaseWithImpact', { input: caseInput(organizationId, overrides) }, email);
  const detail = (id: string, email: string) => ok('CaseSeverity', { id }, email);
  const assess = (caseId: string, severity: string, email: string, reason = 'Assessed.') =>
    run('AssessSeverity', { caseId, severity, reason }, email);
  const dueAfterOpening = (kase: any) =>
    Date.parse(kase.responseClock.dueAt) - Date.parse(kase.openedAt);

  describe('support assigns the severity at opening', () => {
    it('assesses a Business customer asking A from its stated impact: B, no commitment', async () => {
      const kase = await open(ALICE, 'org-contoso', { severity: 'A', impact: ONE_USER_IMPAIRED });
      expect(kase).toMatchObject({
        severity: 'B',
        requestedSeverity: 'A',
        severityAssessed: true,
        severitySource: 'STATED_IMPACT',
        impact: ONE_USER_IMPAIRED,
        responseClock: { state: 'NO_COMMITMENT', dueAt: null },
      });
      expect(kase.severityReason).toContain('The service is usable but in an impaired fashion');
      const [opened] = await eventsOf(stack.subgraphs.cases.orm, kase.id);
      expect(opened!.after).toMatchObject({
        severity: 'B',
        requestedSeverity: 'A',
        severitySource: 'STATED_IMPACT',
      });
    });

    it('lets the request stand provisionally without an impact, as before', async () => {
      const kase = await open(ALICE, 'org-contoso', { severity: 'A' });
      expect(kase).toMatchObject({
        severity: 'A',
        requestedSeverity: 'A',
        severityAssessed: false,
        severitySource: 'REQUESTED',
        impact: null,
      });
      expect(dueAfterOpening(kase)).toBe(HOUR);
    });

    it('assigns what an organization with elevated support asks for', async () => {
      const barely = impact('SINGLE_USER', 'BARELY_AFFECTED', true);
      const kase = await open(DAN, 'org-fabrikam', { severity: 'A', impact: barely });
      expect(kase).toMatchObject({
        severity: 'A',
        severityAssessed: true,
        severitySource: 'ELEVATED_SUPPORT',
      });
      expect(dueAfterOpening(kase)).toBe(HOUR);
    });

    it('keeps billing at B and 21Vianet A to the agreement with a statement', async () => {
      const billing = await open(CAROL, 'org-contoso', {
        category: 'BILLING_AND_SUBSCRIPTION',
        topic: 'Understanding the bill',
        severity: 'B',
        impact: OUTAGE,
      });
      expect(billing.severity).toBe('B');
      const stated = { severity: 'B', impact: OUTAGE, businessImpact: 'Orders stop.' };
      expect((await open(WEI, 'org-northwind', stated)).severity).toBe('A');
      const unstated = await open(WEI, 'org-northwind', { severity: 'B', impact: OUTAGE });
      expect(unstated.severity).toBe('B');
      expect(unstated.severityReason).toContain('business-impact statement');
      const noAgreement = await open(HANA, 'org-adatum', stated);
      expect(noAgreement.severity).toBe('B');
      expect(noAgreement.severityReason).toContain('advanced online service agreement');
    });

    it('shows before submitting what would be assigned for an impact', async () => {
      const variables = { organizationId: 'org-contoso', category: 'TECHNICAL', severity: 'A' };
      const preview = await ok(
        'ResponseTargetForImpact',
        { ...variables, impact: ONE_USER_IMPAIRED },
        ALICE,
      );
      expect(preview).toMatchObject({
        severity: 'B',
        requestedSeverity: 'A',
        severityAssessed: true,
        committed: false,
        dueAt: null,
      });
      // Without an impact the contract's operation answers as it always did.
      const contract = await stack.contract('ResponseTarget', variables, ALICE);
      expect(contract.errors).toBeUndefined();
      expect(contract.data!.responseTarget).toMatchObject({
        severity: 'A',
        committed: true,
        target: 'PT1H',
      });
    });
  });

  describe('support engineers assess it afterwards', () => {
    it('raises a provisional B to A before the first response: dueAt from openedAt', async () => {
      const kase = await open(ALICE, 'org-contoso', { severity: 'B' });
      expect(kase.responseClock.dueAt).toBeNull();
      const reason = 'Every user of the sales team is blocked.';
      const raised = await assess(kase.id, 'A', ENGINEER, reason);
      expect(raised.errors).toBeUndefined();
      const after = raised.data!.assessSeverity;
      expect(after).toMatchObject({
        severity: 'A',
        requestedSeverity: 'B',
        severityAssessed: true,
        severitySource: 'SUPPORT_ENGINEER',
        severityReason: reason,
        responseClock: { state: 'RUNNING' },
        severityHistory: [{ from: 'B', to: 'A', reason, changedBy: { email: ENGINEER } }],
      });
      expect(dueAfterOpening(after)).toBe(HOUR);
      const events = await eventsOf(stack.subgraphs.cases.orm, kase.id);
      expect(events.map((e) => [e.kind, e.actorEmail])).toEqual([
        ['OPENED', ALICE],
        ['SEVERITY_CHANGED', ENGINEER],
      ]);
      expect(events[1]!.before).toMatchObject({ severity: 'B', severitySource: 'REQUESTED' });
      expect(events[1]!.after).toMatchObject({ severity: 'A', reason });
    });

    it('confirms a provisional severity once, then wants a change', async () => {
      const kase = await open(ALICE, 'org-contoso', { severity: 'C' });
      const confirmed = await assess(kase.id, 'C', ENGINEER, 'How-to question.');
      expect(confirmed.data!.assessSeverity).toMatchObject({
        severity: 'C',
        severityAssessed: true,
        severityHistory: [{ from: 'C', to: 'C' }],
      });
      expect(codes(await assess(kase.id, 'C', ENGINEER))).toEqual(['BAD_USER_INPUT']);
    });

    it('keeps dueAt once support has answered, and the clock MET', async () => {
      const kase = await open(DAN, 'org-fabrikam', { severity: 'C' });
      await stack.contract('AddCaseNote', { caseId: kase.id, body: 'On it.' }, ENGINEER);
      const raised = (await assess(kase.id, 'A', ENGINEER)).data!.assessSeverity;
      expect(raised.severity).toBe('A');
      expect(raised.responseClock).toMatchObject({
        state: 'MET',
        dueAt: kase.responseClock.dueAt,
      });
    });

    it('refuses customers, other clouds and severities the case may not carry', async () => {
      const kase = await open(ALICE, 'org-contoso', { severity: 'B' });
      expect(codes(await assess(kase.id, 'C', ALICE))).toEqual(['FORBIDDEN']);
      expect(codes(await assess(kase.id, 'C', BOB))).toEqual(['FORBIDDEN']);
      expect(codes(await assess(kase.id, 'C', CN_ENGINEER))).toEqual(['FORBIDDEN']);
      expect(codes(await assess(kase.id, 'C', ENGINEER, ' '))).toEqual(['BAD_USER_INPUT']);
      const billing = await open(CAROL, 'org-contoso', {
        category: 'BILLING_AND_SUBSCRIPTION',
        severity: 'B',
      });
      expect(codes(await assess(billing.id, 'A', ENGINEER))).toEqual(['SEVERITY_NOT_ALLOWED']);
      const adatum = await open(HANA, 'org-adatum', { severity: 'B', businessImpact: 'All.' });
      expect(codes(await assess(adatum.id, 'A', CN_ENGINEER))).toEqual(['SEVERITY_NOT_ALLOWED']);
      const northwind = await open(WEI, 'org-northwind', { severity: 'B' });
      expect(codes(await assess(northwind.id, 'A', CN_ENGINEER))).toEqual(['SEVERITY_NOT_ALLOWED']);
      expect((await detail(kase.id, ALICE)).severityHistory).toEqual([]);
    });

    it("keeps the contract's LowerSeverity: downwards only, same history", async () => {
      const kase = await open(DAN, 'org-fabrikam', { severity: 'B' });
      const lower = (severity: string) =>
        stack.contract(
          'LowerSeverity',
          { caseId: kase.id, severity, reason: 'No reply.' },
          ENGINEER,
        );
      expect(codes(await lower('A'))).toEqual(['BAD_USER_INPUT']);
      const lowered = await lower('C');
      expect(lowered.data!.lowerSeverity).toMatchObject({
        severity: 'C',
        severityHistory: [{ from: 'B', to: 'C', reason: 'No reply.' }],
      });
    });

    it('reaches live subscribers as SEVERITY_CHANGED with the new clock', async () => {
      const after = await currentCursor(stack);
      const sub = subscribeCaseEvents(stack, 'graphql-ws', await stack.token(ALICE), {
        organizationId: 'org-contoso',
        after,
      });
      try {
        const kase = await open(ALICE, 'org-contoso', { severity: 'B' });
        await assess(kase.id, 'A', ENGINEER);
        await until(() => sub.events.length >= 2);
        expect(sub.errors).toEqual([]);
        expect(sub.events.map((e) => e.kind)).toEqual(['OPENED', 'SEVERITY_CHANGED']);
        expect(sub.events[1]!.case).toMatchObject({ id: kase.id, severity: 'A' });
      } finally {
        sub.stop();
      }
    });
  });

  describe('whose word the target is', () => {
    const target = (organizationId: string, category: string, severity: string) =>
      ok('ResponseTargetForImpact', { organizationId, category, severity }, WEI);

    it("flags 21Vianet's billing and pre-sales targets as ours, technical ones as documented", async () => {
      const billing = await target('org-northwind', 'BILLING_AND_SUBSCRIPTION', 'B');
      expect(billing).toMatchObject({ basis: 'OUR_POLICY', committed: true, target: 'PT9H' });
      expect(billing.description).toMatch(/^Our target, not a provider commitment: /);
      expect(billing.source).toContain('no response time');
      const presales = await target('org-northwind', 'PRE_SALES', 'C');
      expect(presales.basis).toBe('OUR_POLICY');
      const technical = await target('org-northwind', 'TECHNICAL', 'B');
      expect(technical).toMatchObject({ basis: 'DOCUMENTED', target: 'PT15H' });
      expect(technical.description).toMatch(/^First response within 1 business day/);
    });
  });

  describe('out of scope', () => {
    const note = 'The delay is on your office network: please work with your networking team.';
    const close = (caseId: string, email: string, text = note) =>
      run('CloseCase', { caseId, reason: 'OUT_OF_SCOPE', note: text }, email);

    it('closes with the reason and the note, answered and MET, and the customer sees both', async () => {
      const kase = await open(WEI, 'org-northwind', { severity: 'B' });
      const closed = await close(kase.id, CN_ENGINEER);
      expect(closed.errors).toBeUndefined();
      expect(closed.data!.closeCase).toMatchObject({
        status: 'CLOSED',
        closeReason: 'OUT_OF_SCOPE',
        closeNote: note,
        responseClock: { state: 'MET' },
        notes: [{ body: note, fromSupport: true }],
      });
      const seen = await detail(kase.id, WEI);
      expect(seen).toMatchObject({ closeReason: 'OUT_OF_SCOPE', closeNote: note });
      expect(seen.responseClock.respondedAt).not.toBeNull();
      const events = await eventsOf(stack.subgraphs.cases.orm, kase.id);
      expect(events.map((e) => e.kind)).toEqual([
        'OPENED',
        'NOTE_ADDED',
        'FIRST_RESPONSE',
        'STATUS_CHANGED',
      ]);
      expect(events[2]!.after).toMatchObject({ clock: 'MET' });
      expect(events[3]!.after).toMatchObject({ status: 'CLOSED', closeReason: 'OUT_OF_SCOPE' });
    });

    it('counts a case past its due time as MET, not BREACHED', async () => {
      const kase = await open(WEI, 'org-northwind', { severity: 'B' });
      const em = stack.subgraphs.cases.orm.em.fork();
      await em.nativeUpdate(SupportCase, { id: kase.id }, { dueAt: new Date(Date.now() - 60_000) });
      expect((await detail(kase.id, WEI)).responseClock.state).toBe('BREACHED');
      const closed = (await close(kase.id, CN_ENGINEER)).data!.closeCase;
      expect(closed.responseClock.state).toBe('MET');
    });

    it('is for support only, once, with a note; reopening clears it', async () => {
      const kase = await open(WEI, 'org-northwind', { severity: 'C' });
      expect(codes(await close(kase.id, WEI))).toEqual(['FORBIDDEN']);
      expect(codes(await close(kase.id, ENGINEER))).toEqual(['FORBIDDEN']);
      expect(codes(await close(kase.id, CN_ENGINEER, '  '))).toEqual(['BAD_USER_INPUT']);
      expect((await close(kase.id, CN_ENGINEER)).errors).toBeUndefined();
      expect(codes(await close(kase.id, CN_ENGINEER))).toEqual(['INVALID_TRANSITION']);
      const reopened = await stack.contract(
        'ReopenCase',
        { caseId: kase.id, reason: 'It is not our network: home users see it too.' },
        WEI,
      );
      expect(reopened.errors).toBeUndefined();
      const after = await detail(kase.id, WEI);
      expect(after).toMatchObject({ status: 'OPEN', closeReason: null, closeNote: null });
      expect(after.responseClock.state).toBe('RUNNING');
    });
  });

  describe('the demo data', () => {
    it('shows an unassessed, an assessed, a reassessed and an out-of-scope case', async () => {
      expect(await detail('case-contoso-2', ALICE)).toMatchObject({
        severityAssessed: false,
        severitySource: 'REQUESTED',
      });
      expect(await detail('case-contoso-5', ALICE)).toMatchObject({
        requestedSeverity: 'A',
        severity: 'B',
        severitySource: 'STATED_IMPACT',
        impact: ONE_USER_IMPAIRED,
      });
      const reassessed = await detail('case-adatum-1', HANA);
      expect(reassessed).toMatchObject({
        severity: 'C',
        requestedSeverity: 'B',
        severitySource: 'SUPPORT_ENGINEER',
        severityHistory: [{ from: 'B', to: 'C', changedBy: { email: CN_ENGINEER } }],
      });
      expect(await detail('case-northwind-5', WEI)).toMatchObject({
        status: 'CLOSED',
        closeReason: 'OUT_OF_SCOPE',
        responseClock: { state: 'MET' },
      });
    });
  });
});
