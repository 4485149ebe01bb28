import {
  type BuiltSubgraphSchema,
  buildFederatedSchema,
} from '../../lib/federation/build-subgraph-schema';
import { casesReferences } from './references';
import { CaseResolver } from './resolvers/case.resolver';
import { CaseActionsResolver } from './resolvers/case-actions.resolver';
import { CaseConnectionResolver } from './resolvers/case-connection.resolver';
import { CaseEventsResolver } from './resolvers/case-events.resolver';
import { CaseNoteResolver } from './resolvers/case-note.resolver';
import {
  EscalationJudgementResolver,
  PartnerEscalationReviewResolver,
} from './resolvers/escalation.resolver';
import { OpenCaseResolver } from './resolvers/open-case.resolver';
import { OrganizationCasesResolver } from './resolvers/organization-cases.resolver';
import { PartnerResolver } from './resolvers/partner.resolver';
import { PartnerRequestsResolver } from './resolvers/partner-requests.resolver';
import { ResponseTargetResolver } from './resolvers/response-target.resolver';
import { HealthIssueResolver, ServiceHealthResolver } from './resolvers/service-health.resolver';
import { ServiceHealthAdminResolver } from './resolvers/service-health-admin.resolver';
import { SeverityChangeResolver } from './resolvers/severity-change.resolver';
import { SupportOptionsResolver } from './resolvers/support-options.resolver';
import { SupportQueueResolver } from './resolvers/support-queue.resolver';

export function buildCasesSchema(): Promise<BuiltSubgraphSchema> {
  return buildFederatedSchema({
    resolvers: [
      CaseResolver,
      CaseNoteResolver,
      SeverityChangeResolver,
      OpenCaseResolver,
      CaseActionsResolver,
      ResponseTargetResolver,
      OrganizationCasesResolver,
      CaseConnectionResolver,
      PartnerResolver,
      PartnerRequestsResolver,
      EscalationJudgementResolver,
      PartnerEscalationReviewResolver,
      ServiceHealthResolver,
      HealthIssueResolver,
      ServiceHealthAdminResolver,
      CaseEventsResolver,
      SupportOptionsResolver,
      SupportQueueResolver,
    ],
    // Subscription.caseEvents has its own subscribe (live/): this pub/sub is never used.
    pubSub: { publish: () => {}, subscribe: () => emptyStream() },
    referenceResolvers: casesReferences,
  });
}

async function* emptyStream(): AsyncGenerator<never> {}
