import { Cloud } from '../lib/domain/enums';
import { CaseStatus } from '../subgraphs/cases/domain/case-enums';
import {
  BENCH_CASES,
  BENCH_ORGANIZATIONS,
  benchAdminEmail,
  benchAgentEmail,
  benchCaseStatus,
  CUSTOMERS_PER_PARTNER,
  GLOBAL_PARTNERS,
  orgId,
} from './seed-bench-data';

// Who uses the support portal in the mixed load, from the bench data set: each bench
// organization's admin (its own organization and cases), the partner agents (their customers),
// and the two clouds' support engineers (every case of their cloud).

export interface Organization {
  index: number;
  id: string;
  cloud: Cloud;
  admin: string;
  /** Ids of its bench cases (spread over the organizations by index). */
  caseIds: string[];
  /** Its cases are not closed (they share one status), so notes may be added. */
  casesOpen: boolean;
}

export interface Agent {
  email: string;
  customers: Organization[];
}

/** Litware (21Vianet) serves bench organizations 0..48, bench partner p the next 50 each. */
const LITWARE_CUSTOMERS = CUSTOMERS_PER_PARTNER - 1;

function organization(i: number): Organization {
  const caseIds: string[] = [];
  for (let n = i + BENCH_ORGANIZATIONS; n < BENCH_CASES; n += BENCH_ORGANIZATIONS) {
    caseIds.push(`bench-case-${n}`);
  }
  return {
    index: i,
    id: orgId(i),
    cloud: i < LITWARE_CUSTOMERS ? Cloud.CHINA_21VIANET : Cloud.GLOBAL,
    admin: benchAdminEmail(i),
    caseIds,
    casesOpen: benchCaseStatus(i) !== CaseStatus.CLOSED,
  };
}

export const ORGANIZATIONS = Array.from({ length: BENCH_ORGANIZATIONS }, (_, i) => organization(i));

export const AGENTS: Agent[] = [
  { email: 'agent@litware.example', customers: ORGANIZATIONS.slice(0, LITWARE_CUSTOMERS) },
  ...Array.from({ length: GLOBAL_PARTNERS }, (_, p) => {
    const first = LITWARE_CUSTOMERS + p * CUSTOMERS_PER_PARTNER;
    return {
      email: benchAgentEmail(p),
      customers: ORGANIZATIONS.slice(first, first + CUSTOMERS_PER_PARTNER),
    };
  }),
];

export const ENGINEERS: Record<Cloud, string> = {
  [Cloud.GLOBAL]: 'engineer@support.microsoft.example',
  [Cloud.CHINA_21VIANET]: 'engineer@support.21vianet.example',
};

export const allViewerEmails = (): string[] => [
  ...ORGANIZATIONS.map((o) => o.admin),
  ...AGENTS.map((a) => a.email),
  ...Object.values(ENGINEERS),
];

/** The agent whose customer this organization is (the last bench organization has none). */
export const agentOf = (organizationId: string): Agent | undefined =>
  AGENTS.find((a) => a.customers.some((c) => c.id === organizationId));
