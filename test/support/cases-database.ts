import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { createLogger } from '../../lib/logging/logger';
import { createOrm, type Dialect } from '../../lib/orm/create-orm';
import type { SqlStatementCounter } from '../../lib/orm/sql-statement-counter';
import { CaseEventRecorder } from '../../subgraphs/cases/commands/case-event-recorder';
import { casesOrmOptions } from '../../subgraphs/cases/database';
import { CaseEventKind } from '../../subgraphs/cases/domain/case-enums';
import { SupportCase } from '../../subgraphs/cases/entities/support-case.entity';
import {
  type CommittedCaseEvent,
  toCommitted,
} from '../../subgraphs/cases/live/committed-case-event';
import { seedCases } from '../../subgraphs/cases/seed';
import { TEST_PG_URL } from './database-probe';
import { dropTestSchema } from './pg-schema';

// A seeded cases database without servers, for the live-update machinery (feed, scheduler).
// `connect()` opens another ORM on the same database: a second process, as far as the database
// can tell.

export interface CasesDatabase {
  orm: MikroORM;
  sqlCounter: SqlStatementCounter;
  connect(): Promise<MikroORM>;
  close(): Promise<void>;
}

export const silentLog = createLogger('test', 'silent');

export async function openCasesDatabase(
  dialect: Dialect,
  now = new Date(),
): Promise<CasesDatabase> {
  const dir = mkdtempSync(join(tmpdir(), 'cases-db-'));
  const schema = `t_${randomBytes(4).toString('hex')}_cases`;
  const options = casesOrmOptions({
    databaseUrl: dialect === 'postgresql' ? TEST_PG_URL : join(dir, 'cases.sqlite'),
    databaseSchema: schema,
  });
  const opened: MikroORM[] = [];
  const connect = async () => {
    const { orm } = await createOrm(options);
    opened.push(orm);
    return orm;
  };
  const { orm, sqlCounter } = await createOrm(options);
  opened.push(orm);
  await seedCases(orm.em.fork(), now);
  return {
    orm,
    sqlCounter,
    connect,
    async close() {
      for (const o of opened) await o.close();
      if (dialect === 'postgresql') await dropTestSchema(schema);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Commits `count` note events on a seeded case, as a command would; returns them in id order. */
export async function commitNoteEvents(
  orm: MikroORM,
  count: number,
): Promise<CommittedCaseEvent[]> {
  const events = await orm.em.fork().transactional(async (em) => {
    const [kase] = await em.find(SupportCase, {}, { orderBy: { id: 'asc' }, limit: 1 });
    const recorder = new CaseEventRecorder(kase!, { id: 'system', email: null }, new Date());
    for (let i = 0; i < count; i++) recorder.add(CaseEventKind.NOTE_ADDED, null, { note: i });
    return recorder.write(em);
  });
  return events.map(toCommitted);
}
