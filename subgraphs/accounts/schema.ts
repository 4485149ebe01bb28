import {
  type BuiltSubgraphSchema,
  buildFederatedSchema,
} from '../../lib/federation/build-subgraph-schema';
import './graphql-enums';
import { accountsReferences } from './references';
import { AdminRoleResolver } from './resolvers/admin-role.resolver';
import { AuditLogResolver } from './resolvers/audit-log.resolver';
import { ContactResolver } from './resolvers/contact.resolver';
import {
  DelegationResolver,
  OrganizationDelegationsResolver,
  PartnerDelegationsResolver,
} from './resolvers/delegation.resolver';
import { OrganizationResolver } from './resolvers/organization.resolver';
import { PartnerResolver } from './resolvers/partner.resolver';
import { PhoneVerificationResolver } from './resolvers/phone-verification.resolver';
import { UserResolver } from './resolvers/user.resolver';

export function buildAccountsSchema(): Promise<BuiltSubgraphSchema> {
  return buildFederatedSchema({
    resolvers: [
      OrganizationResolver,
      UserResolver,
      PartnerResolver,
      AdminRoleResolver,
      ContactResolver,
      DelegationResolver,
      OrganizationDelegationsResolver,
      PartnerDelegationsResolver,
      PhoneVerificationResolver,
      AuditLogResolver,
    ],
    referenceResolvers: accountsReferences,
  });
}
