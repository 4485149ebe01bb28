import type { EntityManager } from '@mikro-orm/core';
import { loaderById, loaderGroupedBy } from '../../lib/orm/loaders';
import { HealthIssue } from './entities/health-issue.entity';
import { HealthService } from './entities/health-service.entity';
import { OrganizationProfile } from './entities/organization-profile.entity';
import { SupportCase } from './entities/support-case.entity';
import { caseCountLoader } from './paging/case-count.loader';
import { casePageLoader } from './paging/case-page.loader';

export function createCasesLoaders(em: EntityManager) {
  return {
    caseById: loaderById(em, SupportCase),
    profileByOrganizationId: loaderById(em, OrganizationProfile),
    casesPage: casePageLoader(em),
    caseCount: caseCountLoader(em),
    servicesByCloud: loaderGroupedBy(em, HealthService, 'cloud', (s) => s.cloud, { name: 'asc' }),
    issuesByCloud: loaderGroupedBy(em, HealthIssue, 'cloud', (i) => i.cloud, {
      startedAt: 'desc',
      id: 'asc',
    }),
  };
}

export type CasesLoaders = ReturnType<typeof createCasesLoaders>;
