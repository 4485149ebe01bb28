import { AdminRole, Cloud } from '../domain/enums';

/** A partner's delegated admin relationship with one customer, as the viewer context carries it. */
export interface DelegationGrant {
  organizationId: string;
  roles: AdminRole[];
  /** ISO instant; the grant is worthless from then on, whatever the cache says. */
  expiresAt: string;
}

/** Time-limited access a support engineer earned through phone PIN verification. */
export interface VerificationGrant {
  organizationId: string;
  expiresAt: string;
}

/**
 * Who is asking, resolved once by the gateway from the bearer token and the accounts subgraph,
 * then signed and passed to every subgraph. Subgraphs decide access from this alone.
 */
export interface Viewer {
  kind: 'anonymous' | 'user' | 'service';
  userId: string | null;
  email: string | null;
  /** Home organization (customer tenant or support provider); null for partner agents. */
  organizationId: string | null;
  roles: AdminRole[];
  partnerId: string | null;
  delegations: DelegationGrant[];
  /** Set for support engineers: the cloud whose cases they work. */
  supportCloud: Cloud | null;
  verificationGrants: VerificationGrant[];
}

export const ANONYMOUS: Viewer = Object.freeze({
  kind: 'anonymous',
  userId: null,
  email: null,
  organizationId: null,
  roles: [],
  partnerId: null,
  delegations: [],
  supportCloud: null,
  verificationGrants: [],
}) as Viewer;

/** The identity the gateway uses for its own calls (resolving viewers, readiness). */
export const GATEWAY_SERVICE: Viewer = Object.freeze({ ...ANONYMOUS, kind: 'service' }) as Viewer;
