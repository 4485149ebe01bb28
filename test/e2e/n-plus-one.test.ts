import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cloud } from '../../lib/domain/enums';
import {
  CaseCategory,
  CaseStatus,
  ContactMethod,
  Severity,
  SeveritySource,
  SupportCalendar,
} from '../../subgraphs/cases/domain/case-enums';
import { SupportCase } from '../../subgraphs/cases/entities/support-case.entity';
import { testDialects } from '../support/dialects';
import { type Stack, startStack } from '../support/stack';

// A page of cases with their organization, its plans and the opener spans all three subgraphs;
// the number of SQL statements must not grow with the number of cases.
const CASES_WITH_ORG_AND_PLAN = `
  query ($first: Int!) {
    organization(id: "org-fabrikam") {
      cases(first: $first) {
        edges {
          node {
            number
            openedBy { email }
            organization { name subscriptions { plan { name family } } supportEntitlement { planFamily } }
          }
        }
      }
    }
  }`;

/** Opens `count` cases for an organization straight in the cases database (no peers asked). */
async function addOpenCases(
  stack: Stack,
  organizationId: string,
  openedById: string,
  count: number,
) {
  const em = stack.subgraphs.cases.orm.em.fork();
  const cloud = organizationId === 'org-tailspin' ? Cloud.CHINA_21VIANET : Cloud.GLOBAL;
  const base = Date.now() - 86_400_000;
  for (let i = 0; i < count; i++) {
    em.create(SupportCase, {
      id: `case-bulk-${organizationId}-${i}`,
      number: `${cloud === Cloud.GLOBAL ? 'GL' : 'CN'}-9${organizationId.slice(4, 6)}${String(i).padStart(3, '0')}`,
      organizationId,
      cloud,
      category: CaseCategory.TECHNICAL,
      topic: 'Exchange Online',
      title: `Bulk case ${i}`,
      description: 'Seeded by the N+1 test.',
      severity: Severity.C,
      requestedSeverity: Severity.C,
      severitySource: SeveritySource.REQUESTED,
      severityReason: 'Seeded by the N+1 test.',
      status: CaseStatus.OPEN,
      openedAt: new Date(base + i * 60_000),
      cycleStartedAt: new Date(base + i * 60_000),
      responseCalendar: SupportCalendar.ALWAYS,
      organizationTimeZone: 'Europe/Berlin',
      openedById,
      contactPhone: '+49 30 5555 0100',
      contactEmail: 'bulk@example.com',
      contactMethod: ContactMethod.EMAIL,
    });
  }
  await em.flush();
}

/** Statements all three subgraphs report on their /metrics, as an operator would read them. */
async function sqlStatementsOnMetrics(stack: Stack): Promise<number> {
  let total = 0;
  for (const subgraph of Object.values(stack.subgraphs)) {
    const text = await (await fetch(subgraph.metricsUrl)).text();
    total += Number(/^sql_statements_total\{[^}]*\} (\d+)$/m.exec(text)?.[1]);
  }
  return total;
}

describe.each(testDialects())('SQL statements per request (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect);
    await addOpenCases(stack, 'org-fabrikam', 'user-dan', 60);
  });
  afterAll(() => stack?.stop());

  async function statementsFor(first: number): Promise<Record<string, number>> {
    stack.resetSqlCounters();
    const { data, errors } = await stack.query(
      CASES_WITH_ORG_AND_PLAN,
      { first },
      { email: 'dan@fabrikam.example' },
    );
    expect(errors).toBeUndefined();
    expect(data?.organization.cases.edges).toHaveLength(first);
    const node = data?.organization.cases.edges[first - 1].node;
    expect(node.organization.subscriptions.map((s: any) => s.plan.name)).toContain('Office 365 E3');
    expect(node.openedBy.email).toBe('dan@fabrikam.example');
    return Object.fromEntries(
      Object.entries(stack.subgraphs).map(([name, s]) => [name, s.sqlCounter.count]),
    );
  }

  it('issues the same few statements for 5 cases as for 50', async () => {
    await statementsFor(1); // resolves and caches the viewer, which is not what we count
    const five = await statementsFor(5);
    const fifty = await statementsFor(50);
    expect(fifty).toEqual(five);
    const total = Object.values(fifty).reduce((a, b) => a + b, 0);
    expect(total).toBeLessThanOrEqual(10);
  });

  // The benchmark's operations, counted the way the benchmark counts them (GET /metrics).
  async function statementsOf(run: () => Promise<{ errors?: unknown }>): Promise<number> {
    await run(); // the viewer lookup is cached after this one; it is not what we count
    const before = await sqlStatementsOnMetrics(stack);
    const { errors } = await run();
    expect(errors).toBeUndefined();
    return (await sqlStatementsOnMetrics(stack)) - before;
  }

  it('SupportPicture: the same statements for 5 cases as for 20', async () => {
    await addOpenCases(stack, 'org-contoso', 'user-alice', 25);
    const picture = (first: number) => () =>
      stack.contract(
        'SupportPicture',
        { organizationId: 'org-contoso', first },
        'alice@contoso.example',
      );
    const five = await statementsOf(picture(5));
    expect(five).toBeGreaterThan(0);
    expect(await statementsOf(picture(20))).toBe(five);
  });

  it('PartnerDashboard: the same statements however many open cases its customers have', async () => {
    const dashboard = () => stack.contract('PartnerDashboard', {}, 'agent@litware.example');
    const before = await statementsOf(dashboard);
    await addOpenCases(stack, 'org-tailspin', 'user-mei', 30);
    const { data } = await dashboard();
    const tailspin = data?.viewer.partner.customers.find(
      (c: any) => c.organization.id === 'org-tailspin',
    );
    expect(tailspin.organization.cases.edges.length).toBeGreaterThanOrEqual(30);
    expect(await statementsOf(dashboard)).toBe(before);
  });
});
