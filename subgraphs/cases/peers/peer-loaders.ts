import DataLoader from 'dataloader';
import type { Cloud, PlanFamily } from '../../../lib/domain/enums';
import { resolveEntities } from '../../../lib/federation/resolve-entities';
import type { ServiceClient } from '../../../lib/federation/service-client';

// What cases asks its peers when a rule needs it (opening a case, a response target, lowering a
// severity): billing owns the support entitlement, accounts the organization. Asked as the
// service identity, batched per request, never copied into cases' database.

export interface PeerClients {
  accounts: ServiceClient;
  billing: ServiceClient;
}

export interface OrganizationFacts {
  id: string;
  name: string;
  cloud: Cloud;
  timeZone: string;
  advancedSupportAgreement: boolean;
}

export interface EntitlementFacts {
  planFamily: PlanFamily | null;
  elevated: boolean;
  supportedBy: 'PROVIDER' | 'PARTNER';
  partner: { id: string } | null;
}

export interface PartnerFacts {
  id: string;
  name: string;
  cloud: Cloud;
}

const ORGANIZATIONS = `query CasesOrganizationFacts($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Organization { id name cloud timeZone advancedSupportAgreement }
  }
}`;

const ENTITLEMENTS = `query CasesSupportEntitlements($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Organization { supportEntitlement { planFamily elevated supportedBy partner { id } } }
  }
}`;

const PARTNERS = `query CasesPartnerFacts($representations: [_Any!]!) {
  _entities(representations: $representations) { ... on Partner { id name cloud } }
}`;

export function createPeerLoaders(peers: PeerClients) {
  return {
    /** Null when accounts does not know the organization. */
    organization: new DataLoader<string, OrganizationFacts | null>((ids) =>
      resolveEntities<OrganizationFacts>(peers.accounts, ORGANIZATIONS, 'Organization', ids),
    ),
    entitlement: new DataLoader<string, EntitlementFacts>(async (ids) => {
      const rows = await resolveEntities<{ supportEntitlement: EntitlementFacts | null }>(
        peers.billing,
        ENTITLEMENTS,
        'Organization',
        ids,
      );
      return ids.map((id, i) => {
        const entitlement = rows[i]?.supportEntitlement;
        return entitlement ?? new Error(`billing gave no support entitlement for ${id}`);
      });
    }),
    /** Null when accounts does not know the partner. */
    partner: new DataLoader<string, PartnerFacts | null>((ids) =>
      resolveEntities<PartnerFacts>(peers.accounts, PARTNERS, 'Partner', ids),
    ),
  };
}

export type PeerLoaders = ReturnType<typeof createPeerLoaders>;
