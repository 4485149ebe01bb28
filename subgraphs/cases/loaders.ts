import type { EntityManager } from '@mikro-orm/core';
import { lazyLoaders } from '../../lib/orm/lazy-loaders';
import { loaderById, loaderGroupedBy } from '../../lib/orm/loaders';
import { CaseNote } from './entities/case-note.entity';
import { CaseSurvey } from './entities/case-survey.entity';
import { HealthIssue } from './entities/health-issue.entity';
import { HealthIssuePost } from './entities/health-issue-post.entity';
import { HealthService } from './entities/health-service.entity';
import { SeverityChange } from './entities/severity-change.entity';
import { SupportCase } from './entities/support-case.entity';
import { caseCountLoader } from './loaders/case-count.loader';
import { casePageLoader } from './loaders/case-page.loader';
import { escalationCountLoader } from './loaders/escalation-count.loader';
import { escalationJudgementsLoader } from './loaders/escalation-review.loader';
import { createPeerLoaders, type PeerClients } from './peers/peer-loaders';

/** What the cases loaders are built from: the request's entity manager and the peer clients. */
interface CasesScope {
  em: EntityManager;
  peers: PeerClients;
}

export const createCasesLoaders = lazyLoaders<CasesScope>()({
  caseById: ({ em }) => loaderById(em, SupportCase),
  casesPage: ({ em }) => casePageLoader(em),
  caseCount: ({ em }) => caseCountLoader(em),
  notesByCaseId: ({ em }) =>
    loaderGroupedBy(em, CaseNote, 'caseId', (n) => n.caseId, {
      at: 'asc',
      id: 'asc',
    }),
  severityChangesByCaseId: ({ em }) =>
    loaderGroupedBy(em, SeverityChange, 'caseId', (c) => c.caseId, {
      at: 'asc',
      id: 'asc',
    }),
  surveysByCaseId: ({ em }) => loaderGroupedBy(em, CaseSurvey, 'caseId', (s) => s.caseId),
  escalationCount: ({ em }) => escalationCountLoader(em),
  escalationJudgements: ({ em }) => escalationJudgementsLoader(em),
  issueById: ({ em }) => loaderById(em, HealthIssue),
  servicesByCloud: ({ em }) =>
    loaderGroupedBy(em, HealthService, 'cloud', (s) => s.cloud, { name: 'asc' }),
  issuesByCloud: ({ em }) =>
    loaderGroupedBy(em, HealthIssue, 'cloud', (i) => i.cloud, {
      startedAt: 'desc',
      id: 'asc',
    }),
  postsByIssueId: ({ em }) =>
    loaderGroupedBy(em, HealthIssuePost, 'issueId', (p) => p.issueId, {
      at: 'asc',
      id: 'asc',
    }),
  peers: ({ peers }) => createPeerLoaders(peers),
});

export type CasesLoaders = ReturnType<typeof createCasesLoaders>;
