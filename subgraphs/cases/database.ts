import { join } from 'node:path';
import type { SubgraphConfig } from '../../lib/config/subgraph-config';
import type { OrmOptions } from '../../lib/orm/create-orm';
import { HealthIssue } from './entities/health-issue.entity';
import { HealthService } from './entities/health-service.entity';
import { OrganizationProfile } from './entities/organization-profile.entity';
import { SupportCase } from './entities/support-case.entity';
import { casesMigrations } from './migrations';

export const CASES_ENTITIES = [OrganizationProfile, SupportCase, HealthService, HealthIssue];

export function casesOrmOptions(
  config: Pick<SubgraphConfig, 'databaseUrl' | 'databaseSchema'>,
): OrmOptions {
  return {
    databaseUrl: config.databaseUrl,
    schema: config.databaseSchema,
    entities: CASES_ENTITIES,
    migrations: casesMigrations,
    migrationsDir: join(__dirname, 'migrations'),
  };
}
