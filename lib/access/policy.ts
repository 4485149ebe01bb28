import type { Cloud } from '../domain/enums';
import {
  AdminRoleNeededError,
  ForbiddenError,
  UnauthenticatedError,
} from '../errors/domain-errors';
import type { Viewer } from '../viewer/viewer';
import {
  type Action,
  ENGINEER_ACTIONS,
  MEMBER_ACTIONS,
  NEVER_DELEGATED,
  PARTNER_REQUEST_ACTIONS,
  ROLE_ACTIONS,
  SERVICE_ACTIONS,
  VERIFIED_ENGINEER_ACTIONS,
} from './permissions';
import { memberRefusal } from './self-help';

// The one place that decides "may this viewer do X on organization O". Every subgraph calls it
// with the signed viewer context; nobody re-implements it.

export interface OrganizationScope {
  id: string;
  /** Needed for support engineers; unknown cloud means no engineer access. */
  cloud: Cloud | null;
  /** The scope is a partner organization (its own Partner Center requests), id the partner's. */
  partner?: boolean;
}

const isLive = (expiresAt: string, now: Date) => Date.parse(expiresAt) > now.getTime();

function roleGrants(roles: readonly string[], action: Action): boolean {
  return roles.some((role) => ROLE_ACTIONS[role as keyof typeof ROLE_ACTIONS]?.has(action));
}

export function can(
  viewer: Viewer,
  action: Action,
  org: OrganizationScope,
  now: Date = new Date(),
): boolean {
  // Subgraph-to-subgraph calls carry the service identity: they may read, never change.
  if (viewer.kind === 'service') return SERVICE_ACTIONS.has(action);
  if (viewer.kind !== 'user') return false;
  if (org.partner) return canOnPartner(viewer, action, org);
  if (viewer.organizationId === org.id) {
    return MEMBER_ACTIONS.has(action) || roleGrants(viewer.roles, action);
  }
  const delegation = viewer.delegations.find(
    (d) => d.organizationId === org.id && isLive(d.expiresAt, now),
  );
  if (delegation) {
    const roles = delegation.roles.filter((role) => !NEVER_DELEGATED.has(role));
    if (action === 'organization:read' || roleGrants(roles, action)) return true;
  }
  if (viewer.supportCloud && viewer.supportCloud === org.cloud) {
    if (ENGINEER_ACTIONS.has(action)) return true;
    const verified = viewer.verificationGrants.some(
      (g) => g.organizationId === org.id && isLive(g.expiresAt, now),
    );
    return verified && VERIFIED_ENGINEER_ACTIONS.has(action);
  }
  return false;
}

/** A partner's own requests: its agents, and the support engineers of its cloud. */
function canOnPartner(viewer: Viewer, action: Action, partner: OrganizationScope): boolean {
  if (viewer.partnerId === partner.id) return PARTNER_REQUEST_ACTIONS.has(action);
  return (
    !!viewer.supportCloud && viewer.supportCloud === partner.cloud && ENGINEER_ACTIONS.has(action)
  );
}

/** Throws UNAUTHENTICATED for anonymous callers and FORBIDDEN when the viewer lacks the right. */
export function assertCan(viewer: Viewer, action: Action, org: OrganizationScope): void {
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError();
  if (can(viewer, action, org)) return;
  if (isMemberAsking(viewer, action, org)) {
    throw new AdminRoleNeededError(memberRefusal(action, org.cloud, viewer.roles.length > 0));
  }
  const owner = org.partner ? 'partner' : 'organization';
  throw new ForbiddenError(`You may not ${describe(action)} of ${owner} "${org.id}".`);
}

/** A member of the organization asking support for something its roles do not cover. */
function isMemberAsking(viewer: Viewer, action: Action, org: OrganizationScope): boolean {
  return (
    viewer.kind === 'user' &&
    viewer.organizationId === org.id &&
    !org.partner &&
    !viewer.supportCloud &&
    action.startsWith('cases:')
  );
}

/** Something sold to the organization, directly (partnerId null) or through a partner. */
export interface Sale {
  partnerId?: string | null;
}

/**
 * `can`, for a change to something sold to the organization (a subscription): its own admins
 * reach every sale, but an agent acting through a delegation reaches only what its own partner
 * sold (domain.md: a CSP reseller handles the billing of what it resells).
 */
export function canChangeSale(
  viewer: Viewer,
  action: Action,
  org: OrganizationScope,
  sale: Sale,
  now: Date = new Date(),
): boolean {
  if (!can(viewer, action, org, now)) return false;
  if (viewer.kind !== 'user' || viewer.organizationId === org.id) return true;
  return viewer.partnerId !== null && sale.partnerId === viewer.partnerId;
}

export function assertCanChangeSale(
  viewer: Viewer,
  action: Action,
  org: OrganizationScope,
  sale: Sale,
): void {
  assertCan(viewer, action, org);
  if (!canChangeSale(viewer, action, org, sale)) {
    throw new ForbiddenError(
      sale.partnerId
        ? `Organization "${org.id}" bought this through another partner: only that partner or the organization's own admins may change it.`
        : `Organization "${org.id}" bought this directly: only its own admins may change it.`,
    );
  }
}

/** Whom a purchase by this viewer goes through: its partner when acting through a delegation. */
export function sellingPartnerFor(viewer: Viewer, organizationId: string): string | null {
  return viewer.kind === 'user' && viewer.organizationId !== organizationId
    ? viewer.partnerId
    : null;
}

export function requireUser(viewer: Viewer): void {
  if (viewer.kind !== 'user') throw new UnauthenticatedError();
}

/** A signed-in user or a peer subgraph's service identity (reference resolvers peers call). */
export function requireCaller(viewer: Viewer): void {
  if (viewer.kind !== 'user' && viewer.kind !== 'service') throw new UnauthenticatedError();
}

/** The viewer is an agent of this partner (partner-level acts: escalating its own cases). */
export function isAgentOf(viewer: Viewer, partnerId: string | null | undefined): boolean {
  return viewer.kind === 'user' && !!partnerId && viewer.partnerId === partnerId;
}

/** A partner's support record (escalations): its own agents, support engineers, peers. */
export function canReadPartnerRecord(viewer: Viewer, partnerId: string): boolean {
  if (viewer.kind === 'service') return true;
  return isAgentOf(viewer, partnerId) || (viewer.kind === 'user' && viewer.supportCloud !== null);
}

/** Publishing on a cloud's service health dashboard is for that cloud's support engineers. */
export function assertSupportEngineerOf(viewer: Viewer, cloud: Cloud): void {
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError();
  if (viewer.kind !== 'user' || viewer.supportCloud !== cloud) {
    throw new ForbiddenError(`Only support engineers of ${cloud} may publish its service health.`);
  }
}

/** The cloud whose support queue the viewer works; FORBIDDEN for anyone but an engineer. */
export function supportCloudOf(viewer: Viewer): Cloud {
  if (viewer.kind === 'anonymous') throw new UnauthenticatedError();
  if (viewer.kind !== 'user' || !viewer.supportCloud) {
    throw new ForbiddenError('Only support engineers have a support queue.');
  }
  return viewer.supportCloud;
}

/** Organizations a partner agent currently reaches through valid delegations. */
export function delegatedOrganizationIds(viewer: Viewer, now: Date = new Date()): string[] {
  return viewer.delegations.filter((d) => isLive(d.expiresAt, now)).map((d) => d.organizationId);
}

const DESCRIPTIONS: Record<Action, string> = {
  'organization:read': 'see the profile',
  'contacts:read': 'see the registered contacts',
  'contacts:manage': 'change the registered contacts',
  'roles:manage': 'assign admin roles',
  'delegations:manage': 'manage partner delegations',
  'audit:read': 'read the audit log',
  'billing:read': 'see the subscriptions and invoices',
  'billing:manage': 'change the subscriptions',
  'entitlement:read': 'see the support entitlement',
  'cases:read': 'see the service requests',
  'cases:open': 'open service requests',
  'cases:openBilling': 'open billing and subscription service requests',
  'cases:manage': 'manage the service requests',
  'cases:respond': 'respond as support to the service requests',
  'cases:reopen': 'reopen the service requests',
  'cases:survey': 'answer the satisfaction surveys',
};

function describe(action: Action): string {
  return DESCRIPTIONS[action];
}
