import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseInput, codes, openCase } from '../support/cases';
import { BOB, ERIN } from '../support/demo-users';
import { testDialects } from '../support/dialects';
import { projectDocument } from '../support/project-operations';
import { type Stack, startStack } from '../support/stack';

// Issue 12, points 2, 3, 8 and 9 through the gateway: every admin category asks support, a
// standalone trial lifts nothing, what the portal says before a case is opened, and where a
// member without an admin role is pointed.

const HOUR = 3_600_000;

describe.each(testDialects())('support options and who may ask (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect);
  });
  afterAll(() => stack?.stop());

  const options = async (organizationId: string, email: string) => {
    const response = await stack.query(
      projectDocument('SupportOptions'),
      { organizationId },
      { email, operationName: 'SupportOptions' },
    );
    return response;
  };
  const category = (opts: any, name: string) =>
    opts.categories.find((c: any) => c.category === name);

  describe('12.2: every admin category opens and manages service requests', () => {
    it("lets Contoso's Exchange admin open, follow and close a technical case", async () => {
      const kase = await openCase(stack, ERIN, 'org-contoso', {
        contact: { phone: '+1 425 555 0100', email: ERIN, preferredMethod: 'EMAIL' },
      });
      expect(kase.openedBy.email).toBe(ERIN);
      const note = await stack.contract(
        'AddCaseNote',
        { caseId: kase.id, body: 'The shared mailbox was re-created; same error.' },
        ERIN,
      );
      expect(note.errors).toBeUndefined();
      const closed = await stack.contract(
        'SetCaseStatus',
        { caseId: kase.id, status: 'CLOSED' },
        ERIN,
      );
      expect(closed.data!.setCaseStatus.status).toBe('CLOSED');
      const picture = await stack.contract(
        'SupportPicture',
        { organizationId: 'org-contoso' },
        ERIN,
      );
      expect(picture.data!.organization.cases.totalCount).toBeGreaterThan(0);
    });

    it('still keeps billing cases and billing data from the Exchange admin', async () => {
      const billing = await stack.contract(
        'OpenCase',
        { input: caseInput('org-contoso', { category: 'BILLING_AND_SUBSCRIPTION' }) },
        ERIN,
      );
      expect(codes(billing)).toEqual(['FORBIDDEN']);
      expect(billing.errors![0]!.extensions!.askAdminRoles).toEqual([
        'GLOBAL_ADMIN',
        'BILLING_ADMIN',
      ]);
      const picture = await stack.contract(
        'SupportPicture',
        { organizationId: 'org-contoso' },
        ERIN,
      );
      expect(picture.data!.organization.subscriptions).toBeNull();
      expect(codes(picture)).toEqual(['FORBIDDEN']);
    });

    it('still lets a global reader only read', async () => {
      const open = await stack.contract(
        'OpenCase',
        { input: caseInput('org-northwind') },
        'li@northwind.example',
      );
      expect(codes(open)).toEqual(['FORBIDDEN']);
    });
  });

  describe('12.8: what the portal tells a customer before it asks', () => {
    it("gives Northwind 21Vianet's number, hours in Beijing time and the wait right now", async () => {
      const { data, errors } = await options('org-northwind', 'wei@northwind.example');
      expect(errors).toBeUndefined();
      const opts = data!.organization.supportOptions;
      expect(opts).toMatchObject({
        provider: '21Vianet',
        supportingPartner: null,
        viewerMayOpenCases: true,
      });
      expect(opts.categories.map((c: any) => c.category)).toEqual([
        'TECHNICAL',
        'BILLING_AND_SUBSCRIPTION',
        'PRE_SALES',
      ]);
      for (const c of opts.categories) {
        expect(c.phoneNumber).toBe('(86) 400-089-0365');
        expect(c.channels).toContain('PHONE');
      }
      const technical = category(opts, 'TECHNICAL');
      expect(technical.hours).toEqual([
        { severities: ['A'], calendar: 'ALWAYS', timeZone: 'UTC', description: '24x7' },
        {
          severities: ['B', 'C'],
          calendar: 'CN_SUPPORT_DAY',
          timeZone: 'Asia/Shanghai',
          description: '09:00-24:00 Beijing time, every day of the year',
        },
      ]);
      // Billing runs on Beijing's business week; the wait depends on when this test runs.
      const billing = category(opts, 'BILLING_AND_SUBSCRIPTION');
      expect(billing.expectedWait.map((w: any) => w.severity)).toEqual(['B', 'C']);
      const [b] = billing.expectedWait;
      const beijing = DateTime.now().setZone('Asia/Shanghai');
      const openNow = beijing.weekday <= 5 && beijing.hour >= 9 && beijing.hour < 18;
      expect(b.handlingNow).toBe(openNow);
      const opens = DateTime.fromISO(b.nextWindowOpensAt).setZone('Asia/Shanghai');
      if (openNow) {
        expect(b.description).toMatch(
          /^Support is working now\. First response within 1 business day/,
        );
      } else {
        expect([opens.weekday <= 5, opens.hour, opens.minute]).toEqual([true, 9, 0]);
        expect(b.description).toContain(
          `Next response window opens ${opens.toFormat('cccc')} 09:00 Beijing time`,
        );
      }
      expect(b.responseTarget).toMatchObject({
        committed: true,
        target: 'PT9H',
        calendar: 'CN_BUSINESS_WEEK',
      });
    });

    it('shows Contoso its Business hours in its own zone, with no phone number printed', async () => {
      const { data } = await options('org-contoso', 'alice@contoso.example');
      const technical = category(data!.organization.supportOptions, 'TECHNICAL');
      expect(technical.phoneNumber).toBeNull();
      expect(technical.languages).toMatch(/English/);
      expect(technical.hours).toContainEqual(
        expect.objectContaining({
          severities: ['B', 'C'],
          calendar: 'LOCAL_BUSINESS_WEEK',
          timeZone: 'America/Los_Angeles',
        }),
      );
      const a = technical.expectedWait.find((w: any) => w.severity === 'A');
      expect(a.handlingNow).toBe(true);
      expect(Date.parse(a.responseTarget.dueAt) - Date.parse(a.nextWindowOpensAt)).toBe(HOUR);
    });

    it('names Litware to Tailspin, whose every subscription came through it', async () => {
      const { data } = await options('org-tailspin', 'mei@tailspin.example');
      const opts = data!.organization.supportOptions;
      expect(opts.supportingPartner).toEqual({ id: 'partner-litware', name: 'Litware' });
      expect(opts.summary).toMatch(/through Litware.*contact Litware/);
      expect(opts.categories).toEqual([]);
    });

    it('shows Litware, acting for Tailspin, the provider channels it uses', async () => {
      const { data } = await options('org-tailspin', 'agent@litware.example');
      const opts = data!.organization.supportOptions;
      expect(opts.supportingPartner).toBeNull();
      expect(opts.categories).toHaveLength(3);
    });

    it("is refused to another tenant's admin", async () => {
      const response = await options('org-northwind', 'alice@contoso.example');
      expect(codes(response)).toEqual(['FORBIDDEN']);
    });
  });

  describe('12.9: a member without an admin role is pointed somewhere', () => {
    it('refuses Bob the cases, pointing to self-help, the community and the admins by role', async () => {
      const picture = await stack.contract(
        'SupportPicture',
        { organizationId: 'org-contoso' },
        BOB,
      );
      const refusal = picture.errors!.find((e) => e.path?.includes('cases'))!;
      expect(refusal.extensions!.code).toBe('FORBIDDEN');
      expect(refusal.message).toMatch(/self-help/);
      expect(refusal.message).not.toMatch(/@/);
      expect(refusal.extensions!.askAdminRoles).toContain('GLOBAL_ADMIN');
      expect(refusal.extensions!.askAdminRoles).toContain('EXCHANGE_ADMIN');
      expect(refusal.extensions!.askAdminRoles).not.toContain('GLOBAL_READER');
      expect((refusal.extensions!.selfHelp as any[]).map((h) => h.kind)).toContain('COMMUNITY');
    });

    it('gives Bob support options that say whom to ask instead of a way to open a case', async () => {
      const { data, errors } = await options('org-contoso', BOB);
      expect(errors).toBeUndefined();
      const opts = data!.organization.supportOptions;
      expect(opts.viewerMayOpenCases).toBe(false);
      expect(opts.summary).toMatch(/Only admins/);
      expect(opts.askAdminRoles).toContain('GLOBAL_ADMIN');
      expect(opts.selfHelp.some((h: any) => h.url === 'https://answers.microsoft.com')).toBe(true);
      const asAdmin = await options('org-contoso', 'alice@contoso.example');
      expect(asAdmin.data!.organization.supportOptions.askAdminRoles).toEqual([]);
    });
  });
  // Last: it converts Contoso's trial, which the other scenarios read as a trial.
  describe('12.3: only paid standalone plans lift support', () => {
    it('keeps Contoso (Business, plus an Exchange Online trial) at no commitment for B', async () => {
      const picture = await stack.contract(
        'SupportPicture',
        { organizationId: 'org-contoso' },
        'alice@contoso.example',
      );
      const plans = picture.data!.organization.subscriptions.map((s: any) => [
        s.plan.name,
        s.status,
      ]);
      expect(plans).toContainEqual(['Exchange Online (Plan 1)', 'TRIAL']);
      expect(picture.data!.organization.supportEntitlement.planFamily).toBe('BUSINESS');
      const target = await stack.contract(
        'ResponseTarget',
        { organizationId: 'org-contoso', category: 'TECHNICAL', severity: 'B' },
        'alice@contoso.example',
      );
      expect(target.data!.responseTarget).toMatchObject({ committed: false, target: null });
    });

    it('lifts Contoso to next-day B once the standalone plan is paid', async () => {
      const converted = await stack.contract(
        'ConvertTrial',
        { subscriptionId: 'sub-contoso-exchange-online-plan-1-trial', licenses: 5 },
        'carol@contoso.example',
      );
      expect(converted.errors).toBeUndefined();
      const kase = await openCase(stack, ERIN, 'org-contoso');
      expect(Date.parse(kase.responseClock.dueAt) - Date.parse(kase.openedAt)).toBe(24 * HOUR);
    });
  });
});
