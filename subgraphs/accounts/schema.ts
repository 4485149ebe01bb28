import {
  type BuiltSubgraphSchema,
  buildFederatedSchema,
} from '../../lib/federation/build-subgraph-schema';
import { accountsReferences } from './references';
import { OrganizationResolver } from './resolvers/organization.resolver';
import { PartnerResolver } from './resolvers/partner.resolver';
import { UserResolver } from './resolvers/user.resolver';

export function buildAccountsSchema(): Promise<BuiltSubgraphSchema> {
  return buildFederatedSchema({
    resolvers: [OrganizationResolver, UserResolver, PartnerResolver],
    referenceResolvers: accountsReferences,
  });
}
