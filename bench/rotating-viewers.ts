import { contractOperation } from './operations';
import {
  BENCH_ORGANIZATIONS,
  benchAdminEmail,
  benchAgentEmail,
  indexes,
  orgId,
} from './seed-bench-data';
import { BENCH_PARTNERS } from './seed-bench-viewers';

// The headline traffic: each request comes from another viewer, as a support portal sees it, so
// in-flight fetch sharing cannot merge requests into one subgraph fetch.

export interface RotatingRequest {
  email: string;
  variables: Record<string, unknown>;
}

export interface RotatingOperation {
  name: string;
  query: string;
  requests: RotatingRequest[];
}

const LITWARE_AGENT = 'agent@litware.example';

export const ROTATING_OPERATIONS: RotatingOperation[] = [
  {
    name: 'SupportPicture',
    query: contractOperation('support-picture'),
    requests: indexes(BENCH_ORGANIZATIONS).map((i) => ({
      email: benchAdminEmail(i),
      variables: { organizationId: orgId(i) },
    })),
  },
  {
    name: 'PartnerDashboard',
    query: contractOperation('partner-dashboard'),
    requests: [LITWARE_AGENT, ...indexes(BENCH_PARTNERS).map(benchAgentEmail)].map((email) => ({
      email,
      variables: {},
    })),
  },
];

/** Every viewer a rotating scenario signs in as. */
export const ROTATING_EMAILS = [
  ...new Set(ROTATING_OPERATIONS.flatMap((op) => op.requests.map((r) => r.email))),
];
