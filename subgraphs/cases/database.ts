import { join } from 'node:path';
import type { SubgraphConfig } from '../../lib/config/subgraph-config';
import type { OrmOptions } from '../../lib/orm/create-orm';
import { CaseEvent } from './entities/case-event.entity';
import { CaseNote } from './entities/case-note.entity';
import { CaseSurvey } from './entities/case-survey.entity';
import { HealthIssue } from './entities/health-issue.entity';
import { HealthIssuePost } from './entities/health-issue-post.entity';
import { HealthService } from './entities/health-service.entity';
import { ResponseAlarm } from './entities/response-alarm.entity';
import { SequenceCounter } from './entities/sequence-counter.entity';
import { SeverityChange } from './entities/severity-change.entity';
import { SupportCase } from './entities/support-case.entity';
import { casesMigrations } from './migrations';

export const CASES_ENTITIES = [
  SupportCase,
  CaseNote,
  SeverityChange,
  CaseSurvey,
  CaseEvent,
  SequenceCounter,
  HealthService,
  HealthIssue,
  HealthIssuePost,
  ResponseAlarm,
];

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
