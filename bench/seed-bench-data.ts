import type { EntityManager } from '@mikro-orm/core';
import type { SubgraphName } from '../lib/config/subgraph-config';
import { ORG, PARTNER } from '../lib/demo/demo-tenants';
import { AdminRole, Cloud } from '../lib/domain/enums';
import { Delegation, DelegationStatus } from '../subgraphs/accounts/entities/delegation.entity';
import { Organization } from '../subgraphs/accounts/entities/organization.entity';
import { Partner } from '../subgraphs/accounts/entities/partner.entity';
import { User } from '../subgraphs/accounts/entities/user.entity';
import { PurchaseChannel, SubscriptionStatus } from '../subgraphs/billing/domain/enums';
import { PlanSubscription } from '../subgraphs/billing/entities/plan-subscription.entity';
import { planId } from '../subgraphs/billing/seed/catalog';
import {
  CaseCategory,
  CaseStatus,
  ContactMethod,
  Severity,
  SeveritySource,
  SupportCalendar,
} from '../subgraphs/cases/domain/case-enums';
import { SupportCase } from '../subgraphs/cases/entities/support-case.entity';

// The bench data set: 200 organizations next to the demo tenants, 20,000 cases, partners with
// 50 customers each. Ids are derived from an index, so the three databases agree without talking
// to each other. Rows go in with multi-row inserts (em.insertMany), a few hundred per statement.
// Every organization's admin holds SERVICE_SUPPORT_ADMIN and BILLING_ADMIN, and every partner has
// an agent, so the bench can act as many different viewers.

export const BENCH_ORGANIZATIONS = 200;
export const BENCH_CASES = 20_000;
export const CUSTOMERS_PER_PARTNER = 50;
/** Cases of the demo organization SupportPicture reads (alice's Contoso); it asks for 20. */
export const CONTOSO_BENCH_CASES = 100;
/** Litware (agent@litware.example) already has one valid customer in the demo data. */
const LITWARE_DEMO_CUSTOMERS = 1;
const LITWARE_BENCH_CUSTOMERS = CUSTOMERS_PER_PARTNER - LITWARE_DEMO_CUSTOMERS;
export const GLOBAL_PARTNERS = 3;

const CHUNK = 200;
const DAY = 86_400_000;
export const pad = (i: number) => String(i).padStart(4, '0');
export const orgId = (i: number) => `bench-org-${pad(i)}`;
export const userId = (i: number) => `bench-user-${pad(i)}`;
export const benchAdminEmail = (i: number) => `admin@${orgId(i)}.example`;
export const globalPartnerId = (p: number) => `bench-partner-${p + 1}`;
/** One agent per global bench partner (Litware's is the demo's agent@litware.example). */
export const benchAgentEmail = (p: number) => `agent@${globalPartnerId(p)}.example`;

/** Organizations 0..48 are Litware's (21Vianet), the next 150 belong to three global partners. */
export function organizationCloud(i: number): Cloud {
  return i < LITWARE_BENCH_CUSTOMERS ? Cloud.CHINA_21VIANET : Cloud.GLOBAL;
}

function partnerOf(i: number): string | null {
  if (i < LITWARE_BENCH_CUSTOMERS) return PARTNER.litware;
  const p = Math.floor((i - LITWARE_BENCH_CUSTOMERS) / CUSTOMERS_PER_PARTNER);
  return p < GLOBAL_PARTNERS ? globalPartnerId(p) : null;
}

export const indexes = (n: number) => Array.from({ length: n }, (_, i) => i);

export async function insertChunked<T extends object>(
  em: EntityManager,
  entity: new () => T,
  rows: Record<string, unknown>[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await em.insertMany(entity, rows.slice(i, i + CHUNK) as never);
  }
}

async function alreadySeeded(em: EntityManager, entity: new () => object, id: string) {
  return (await em.count(entity, { id } as never)) > 0;
}

/** The roles SupportPicture and CaseDetail need, given to every bench organization's admin. */
export const BENCH_ADMIN_ROLES = [AdminRole.SERVICE_SUPPORT_ADMIN, AdminRole.BILLING_ADMIN];

async function seedAccounts(em: EntityManager, now: Date): Promise<void> {
  if (await alreadySeeded(em, Organization, orgId(BENCH_ORGANIZATIONS - 1))) {
    return;
  }
  await insertChunked(
    em,
    Partner,
    indexes(GLOBAL_PARTNERS).map((p) => ({
      id: globalPartnerId(p),
      name: `Bench Partner ${p + 1}`,
      cloud: Cloud.GLOBAL,
    })),
  );
  await insertChunked(
    em,
    Organization,
    indexes(BENCH_ORGANIZATIONS).map((i) => ({
      id: orgId(i),
      name: `Bench Organization ${pad(i)}`,
      cloud: organizationCloud(i),
      timeZone: organizationCloud(i) === Cloud.GLOBAL ? 'Europe/London' : 'Asia/Shanghai',
      advancedSupportAgreement: false,
      provider: false,
      createdAt: now,
    })),
  );
  await insertChunked(
    em,
    User,
    indexes(BENCH_ORGANIZATIONS).map((i) => ({
      id: userId(i),
      email: benchAdminEmail(i),
      displayName: `Bench Admin ${pad(i)}`,
      organization: orgId(i),
      partner: null,
      supportEngineer: false,
    })),
  );
  await insertChunked(
    em,
    Delegation,
    indexes(BENCH_ORGANIZATIONS)
      .filter((i) => partnerOf(i))
      .map((i) => ({
        id: `bench-delegation-${pad(i)}`,
        partner: partnerOf(i),
        organization: orgId(i),
        roles: [AdminRole.SERVICE_SUPPORT_ADMIN, AdminRole.BILLING_ADMIN],
        durationDays: 730,
        startsAt: new Date(now.getTime() - 30 * DAY),
        endsAt: new Date(now.getTime() + 700 * DAY),
        status: DelegationStatus.ACTIVE,
      })),
  );
}

async function seedBilling(em: EntityManager, now: Date): Promise<void> {
  if (await alreadySeeded(em, PlanSubscription, `bench-sub-${pad(BENCH_ORGANIZATIONS - 1)}-e3`)) {
    return;
  }
  const rows = indexes(BENCH_ORGANIZATIONS).flatMap((i) =>
    (['e3', 'business-basic'] as const).map((slug) => ({
      id: `bench-sub-${pad(i)}-${slug}`,
      organizationId: orgId(i),
      cloud: organizationCloud(i),
      plan: planId(organizationCloud(i), slug),
      status: SubscriptionStatus.ACTIVE,
      channel: partnerOf(i) ? PurchaseChannel.PARTNER : PurchaseChannel.DIRECT,
      partnerId: partnerOf(i),
      paidSince: new Date(now.getTime() - 200 * DAY),
      licenses: 50 + i,
      assignedLicenses: 40,
      termStart: new Date(now.getTime() - 200 * DAY),
      termEnd: new Date(now.getTime() + 165 * DAY),
      autoRenew: true,
      createdAt: now,
      updatedAt: now,
    })),
  );
  await insertChunked(em, PlanSubscription, rows);
}

/** One case in ten is open; the rest are spread over the other states. */
const STATUSES = [
  CaseStatus.OPEN,
  CaseStatus.IN_PROGRESS,
  CaseStatus.WAITING_ON_CUSTOMER,
  ...Array<CaseStatus>(7).fill(CaseStatus.CLOSED),
];

/** Case n's status: n % 10, so all of an organization's cases share one (n % 200 is its index). */
export const benchCaseStatus = (n: number): CaseStatus => STATUSES[n % STATUSES.length]!;

function benchCase(n: number, organizationId: string, cloud: Cloud, openedById: string, now: Date) {
  const openedAt = new Date(now.getTime() - (n + 1) * 3_600_000);
  const status = benchCaseStatus(n);
  const severity = [Severity.A, Severity.B, Severity.C][n % 3]!;
  return {
    id: `bench-case-${n}`,
    number: `${cloud === Cloud.GLOBAL ? 'GL' : 'CN'}-B${String(n).padStart(6, '0')}`,
    organizationId,
    cloud,
    category: CaseCategory.TECHNICAL,
    topic: 'Exchange Online',
    title: `Bench case ${n}`,
    description: 'Seeded for the benchmark.',
    severity,
    requestedSeverity: severity,
    severitySource: SeveritySource.REQUESTED,
    severityReason: 'Seeded for the benchmark.',
    status,
    openedAt,
    closedAt: status === CaseStatus.CLOSED ? now : null,
    reopenCount: 0,
    escalated: false,
    responseTarget: null,
    responseCalendar: SupportCalendar.ALWAYS,
    organizationTimeZone: cloud === Cloud.GLOBAL ? 'Europe/London' : 'Asia/Shanghai',
    cycleStartedAt: openedAt,
    dueAt: new Date(openedAt.getTime() + 8 * 3_600_000),
    openedById,
    contactPhone: '+44 20 5555 0100',
    contactEmail: 'bench@support.example',
    contactMethod: ContactMethod.EMAIL,
    createdAt: openedAt,
  };
}

async function seedCases(em: EntityManager, now: Date): Promise<void> {
  if (await alreadySeeded(em, SupportCase, `bench-case-${BENCH_CASES - 1}`)) return;
  const rows = indexes(BENCH_CASES).map((n) =>
    n < CONTOSO_BENCH_CASES
      ? benchCase(n, ORG.contoso, Cloud.GLOBAL, 'user-alice', now)
      : benchCase(
          n,
          orgId(n % BENCH_ORGANIZATIONS),
          organizationCloud(n % BENCH_ORGANIZATIONS),
          userId(n % BENCH_ORGANIZATIONS),
          now,
        ),
  );
  await insertChunked(em, SupportCase, rows);
}

/** Adds the bench data set to one subgraph's database; a database that has it is left alone. */
export async function seedBenchData(
  name: SubgraphName,
  em: EntityManager,
  now = new Date(),
): Promise<void> {
  const seeders = { accounts: seedAccounts, billing: seedBilling, cases: seedCases };
  await em.transactional((tx) => seeders[name](tx, now));
}
