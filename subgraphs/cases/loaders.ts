import type { EntityManager } from '@mikro-orm/core';
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

export function createCasesLoaders(em: EntityManager, peers: PeerClients) {
  return {
    caseById: loaderById(em, SupportCase),
    casesPage: casePageLoader(em),
    caseCount: caseCountLoader(em),
    notesByCaseId: loaderGroupedBy(em, CaseNote, 'caseId', (n) => n.caseId, {
      at: 'asc',
      id: 'asc',
    }),
    severityChangesByCaseId: loaderGroupedBy(em, SeverityChange, 'caseId', (c) => c.caseId, {
      at: 'asc',
      id: 'asc',
    }),
    surveysByCaseId: loaderGroupedBy(em, CaseSurvey, 'caseId', (s) => s.caseId),
    escalationCount: escalationCountLoader(em),
    escalationJudgements: escalationJudgementsLoader(em),
    issueById: loaderById(em, HealthIssue),
    servicesByCloud: loaderGroupedBy(em, HealthService, 'cloud', (s) => s.cloud, { name: 'asc' }),
    issuesByCloud: loaderGroupedBy(em, HealthIssue, 'cloud', (i) => i.cloud, {
      startedAt: 'desc',
      id: 'asc',
    }),
    postsByIssueId: loaderGroupedBy(em, HealthIssuePost, 'issueId', (p) => p.issueId, {
      at: 'asc',
      id: 'asc',
    }),
    peers: createPeerLoaders(peers),
  };
}

export type CasesLoaders = ReturnType<typeof createCasesLoaders>;
