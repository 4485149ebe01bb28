import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cloud } from '../../lib/domain/enums';
import {
  CaseCategory,
  CaseStatus,
  ContactMethod,
  Severity,
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

describe.each(testDialects())('SQL statements per request (%s)', (dialect) => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack(dialect);
    const em = stack.subgraphs.cases.orm.em.fork();
    const base = Date.now() - 86_400_000;
    for (let i = 0; i < 60; i++) {
      em.create(SupportCase, {
        id: `case-bulk-${i}`,
        number: `GL-9${String(i).padStart(5, '0')}`,
        organizationId: 'org-fabrikam',
        cloud: Cloud.GLOBAL,
        category: CaseCategory.TECHNICAL,
        topic: 'Exchange Online',
        title: `Bulk case ${i}`,
        description: 'Seeded by the N+1 test.',
        severity: Severity.C,
        status: CaseStatus.OPEN,
        openedAt: new Date(base + i * 60_000),
        cycleStartedAt: new Date(base + i * 60_000),
        responseCalendar: SupportCalendar.ALWAYS,
        organizationTimeZone: 'Europe/Berlin',
        openedById: 'user-dan',
        contactPhone: '+49 30 5555 0100',
        contactEmail: 'dan@fabrikam.example',
        contactMethod: ContactMethod.EMAIL,
      });
    }
    await em.flush();
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
});
