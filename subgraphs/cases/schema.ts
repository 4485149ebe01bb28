import {
  type BuiltSubgraphSchema,
  buildFederatedSchema,
} from '../../lib/federation/build-subgraph-schema';
import { casesReferences } from './references';
import { CaseResolver } from './resolvers/case.resolver';
import { CaseConnectionResolver } from './resolvers/case-connection.resolver';
import { OrganizationCasesResolver } from './resolvers/organization-cases.resolver';
import { ServiceHealthResolver } from './resolvers/service-health.resolver';

export function buildCasesSchema(): Promise<BuiltSubgraphSchema> {
  return buildFederatedSchema({
    resolvers: [
      CaseResolver,
      OrganizationCasesResolver,
      CaseConnectionResolver,
      ServiceHealthResolver,
    ],
    referenceResolvers: casesReferences,
  });
}
