import { AdminRole } from '../domain/enums';

// What each admin role may do with an organization, from Microsoft's published role descriptions
// (domain.md, "Accounts and roles"). The service description (001) calls every admin category
// "administrator" and lets administrators submit service requests, so every admin role, Exchange,
// SharePoint and Teams admins included, opens and manages them (issue 12.2); billing and
// subscription cases stay with global and billing admins (ours); global reader sees but changes
// nothing.

export type Action =
  | 'organization:read'
  | 'contacts:read'
  | 'contacts:manage'
  | 'roles:manage'
  | 'delegations:manage'
  | 'audit:read'
  | 'billing:read'
  | 'billing:manage'
  | 'entitlement:read'
  | 'cases:read'
  | 'cases:open'
  | 'cases:openBilling'
  | 'cases:manage'
  | 'cases:respond'
  | 'cases:reopen'
  | 'cases:survey';

const READ_ALL: Action[] = [
  'organization:read',
  'contacts:read',
  'audit:read',
  'billing:read',
  'entitlement:read',
  'cases:read',
];

const SERVICE_REQUESTS: Action[] = [
  'organization:read',
  'contacts:read',
  'entitlement:read',
  'cases:read',
  'cases:open',
  'cases:manage',
  'cases:reopen',
  'cases:survey',
];

export const ROLE_ACTIONS: Record<AdminRole, ReadonlySet<Action>> = {
  [AdminRole.GLOBAL_ADMIN]: new Set<Action>([
    ...READ_ALL,
    ...SERVICE_REQUESTS,
    'contacts:manage',
    'roles:manage',
    'delegations:manage',
    'billing:manage',
    'cases:openBilling',
  ]),
  [AdminRole.BILLING_ADMIN]: new Set<Action>([
    ...SERVICE_REQUESTS,
    'audit:read',
    'billing:read',
    'billing:manage',
    'cases:openBilling',
  ]),
  [AdminRole.SERVICE_SUPPORT_ADMIN]: new Set<Action>([...SERVICE_REQUESTS, 'audit:read']),
  [AdminRole.HELPDESK_ADMIN]: new Set<Action>([...SERVICE_REQUESTS, 'audit:read']),
  [AdminRole.USER_ADMIN]: new Set<Action>([...SERVICE_REQUESTS, 'audit:read']),
  [AdminRole.EXCHANGE_ADMIN]: new Set<Action>(SERVICE_REQUESTS),
  [AdminRole.SHAREPOINT_ADMIN]: new Set<Action>(SERVICE_REQUESTS),
  [AdminRole.TEAMS_ADMIN]: new Set<Action>(SERVICE_REQUESTS),
  [AdminRole.GLOBAL_READER]: new Set<Action>(READ_ALL),
};

/** A member without any admin role sees the organization's name and nothing else. */
export const MEMBER_ACTIONS: ReadonlySet<Action> = new Set<Action>(['organization:read']);

/**
 * Support engineers work every case of their cloud. Only they respond as support (their notes
 * stop the response clock), move a case between statuses and lower its severity.
 */
export const ENGINEER_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'organization:read',
  'entitlement:read',
  'cases:read',
  'cases:manage',
  'cases:respond',
]);

/**
 * A partner agent on its own partner organization: its Partner Center requests (003: technical,
 * billing, customer and subscription management), opened, followed and closed like a customer's.
 */
export const PARTNER_REQUEST_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'organization:read',
  'cases:read',
  'cases:open',
  'cases:openBilling',
  'cases:manage',
  'cases:reopen',
  'cases:survey',
]);

/** What a verified phone caller's organization additionally opens to the engineer. */
export const VERIFIED_ENGINEER_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'contacts:read',
  'billing:read',
]);

/** Roles a partner may never hold through delegation (granular delegated admin privileges). */
export const NEVER_DELEGATED: ReadonlySet<AdminRole> = new Set([AdminRole.GLOBAL_ADMIN]);

/** The internal service identity (peer subgraphs, the gateway) reads; it never changes anything. */
export const SERVICE_ACTIONS: ReadonlySet<Action> = new Set<Action>([
  'organization:read',
  'contacts:read',
  'billing:read',
  'entitlement:read',
  'cases:read',
]);
