import {
  type BuiltSubgraphSchema,
  buildFederatedSchema,
} from '../../lib/federation/build-subgraph-schema';
import { billingReferences } from './references';
import { OrganizationResolver } from './resolvers/organization.resolver';
import { OrganizationBillingResolver } from './resolvers/organization-billing.resolver';
import { PlanResolver } from './resolvers/plan.resolver';
import { PlanSubscriptionResolver } from './resolvers/plan-subscription.resolver';
import { SubscriptionMutationResolver } from './resolvers/subscription-mutation.resolver';
import { Organization } from './types/organization.type';

export function buildBillingSchema(): Promise<BuiltSubgraphSchema> {
  return buildFederatedSchema({
    resolvers: [
      PlanResolver,
      PlanSubscriptionResolver,
      OrganizationResolver,
      OrganizationBillingResolver,
      SubscriptionMutationResolver,
    ],
    // Reached only through _entities, so no root field leads to it.
    orphanedTypes: [Organization],
    referenceResolvers: billingReferences,
  });
}
