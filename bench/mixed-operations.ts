import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../lib/config/project-root';
import { Cloud } from '../lib/domain/enums';
import { AGENTS, ENGINEERS, ORGANIZATIONS } from './mixed-viewers';

// The mixed load's operations, as a support portal sends them: the contract documents unchanged,
// each request drawn by weight, with a viewer who may run it. OpenCase and ResponseTarget come
// from partner agents for their customers: the bench organizations are supported through their
// partner, whose agents open their cases (their own admins are told SUPPORT_THROUGH_PARTNER).

const contract = (file: string) =>
  readFileSync(join(projectRoot(), 'contract', 'operations', file), 'utf8');

export interface MixedRequest {
  operation: string;
  email: string;
  body: string;
}

type Pick = <T>(list: readonly T[]) => T;

interface MixedOperation {
  name: string;
  /** Share of the requests, in percent. */
  weight: number;
  build: (pick: Pick, sequence: number) => { email: string; variables: Record<string, unknown> };
}

const CONTACT: Record<Cloud, Record<string, string>> = {
  [Cloud.GLOBAL]: {
    phone: '+44 20 5555 0100',
    email: 'it@bench.example',
    preferredMethod: 'EMAIL',
  },
  [Cloud.CHINA_21VIANET]: {
    phone: '+86 10 5555 0100',
    email: 'it@bench.example.cn',
    preferredMethod: 'EMAIL',
  },
};

const SEVERITIES = ['B', 'C'] as const;
/** Notes go to cases that are not closed (a closed case refuses them: INVALID_TRANSITION). */
const WITH_OPEN_CASES = ORGANIZATIONS.filter((o) => o.casesOpen);

export const MIXED_OPERATIONS: MixedOperation[] = [
  {
    name: 'SupportPicture',
    weight: 30,
    build: (pick) => {
      const o = pick(ORGANIZATIONS);
      return { email: o.admin, variables: { organizationId: o.id } };
    },
  },
  {
    name: 'CaseDetail',
    weight: 25,
    // Four in five by the organization's admin, one in five by its cloud's engineer.
    build: (pick, n) => {
      const o = pick(ORGANIZATIONS);
      return {
        email: n % 5 === 0 ? ENGINEERS[o.cloud] : o.admin,
        variables: { id: pick(o.caseIds) },
      };
    },
  },
  {
    name: 'PartnerDashboard',
    weight: 10,
    build: (pick) => ({ email: pick(AGENTS).email, variables: {} }),
  },
  {
    name: 'ResponseTarget',
    weight: 15,
    build: (pick, n) => {
      const agent = pick(AGENTS);
      return {
        email: agent.email,
        variables: {
          organizationId: pick(agent.customers).id,
          category: 'TECHNICAL',
          severity: SEVERITIES[n % 2],
        },
      };
    },
  },
  {
    name: 'OpenCase',
    weight: 5,
    build: (pick, n) => {
      const agent = pick(AGENTS);
      const customer = pick(agent.customers);
      return {
        email: agent.email,
        variables: {
          input: {
            organizationId: customer.id,
            category: 'TECHNICAL',
            topic: 'Exchange Online',
            title: `Mixed load case ${n}`,
            description: 'Opened by the mixed-load benchmark.',
            severity: SEVERITIES[n % 2],
            contact: CONTACT[customer.cloud],
          },
        },
      };
    },
  },
  {
    name: 'AddCaseNote',
    weight: 15,
    // Two in three by the admin (a customer's follow-up), one in three by the engineer (support
    // answers, which also stops the response clock).
    build: (pick, n) => {
      const o = pick(WITH_OPEN_CASES);
      return {
        email: n % 3 === 0 ? ENGINEERS[o.cloud] : o.admin,
        variables: { caseId: pick(o.caseIds), body: `Mixed load note ${n}` },
      };
    },
  },
];

const DOCUMENTS: Record<string, string> = {
  SupportPicture: contract('support-picture.graphql'),
  CaseDetail: contract('case-detail.graphql'),
  PartnerDashboard: contract('partner-dashboard.graphql'),
  ResponseTarget: contract('response-target.graphql'),
  OpenCase: contract('open-case.graphql'),
  AddCaseNote: contract('case-actions.graphql'),
};

/** The operation a draw in [0, total weight) falls on. */
function weighted(draw: number): MixedOperation {
  let below = 0;
  for (const op of MIXED_OPERATIONS) {
    below += op.weight;
    if (draw < below) return op;
  }
  return MIXED_OPERATIONS.at(-1)!;
}

/** Deterministic draws (mulberry32), so every run sends the same sequence of requests. */
export function requestSource(seed: number): () => MixedRequest {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick: Pick = (list) => list[Math.floor(random() * list.length)]!;
  const total = MIXED_OPERATIONS.reduce((sum, op) => sum + op.weight, 0);
  let sequence = 0;
  return () => {
    sequence += 1;
    const op = weighted(random() * total);
    const { email, variables } = op.build(pick, sequence);
    return {
      operation: op.name,
      email,
      body: JSON.stringify({ query: DOCUMENTS[op.name], operationName: op.name, variables }),
    };
  };
}
