import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createOrm } from '../../lib/orm/create-orm';
import { casesOrmOptions } from '../../subgraphs/cases/database';
import { SupportCase } from '../../subgraphs/cases/entities/support-case.entity';
import { TEST_PG_URL, testDialects } from '../support/dialects';
import { dropTestSchema } from '../support/pg-schema';

// Cases opened before issue 12.1 must come through its migration with what they had: the
// severity they were opened with is the one asked for, provisional unless an engineer changed it.

const BEFORE = 'Migration20261121220444';

const insertCase = (id: string, severity: string) =>
  `insert into support_case (id, number, organization_id, cloud, category, topic, title,
     description, severity, status, opened_at, reopen_count, escalated, response_calendar,
     organization_time_zone, cycle_started_at, opened_by_id, contact_phone, contact_email,
     contact_method, created_at)
   values ('${id}', '${id}', 'org-contoso', 'GLOBAL', 'TECHNICAL', 'Topic', 'Title',
     'Description', '${severity}', 'OPEN', '2026-11-01 10:00:00', 0, false, 'ALWAYS',
     'Europe/Berlin', '2026-11-01 10:00:00', 'user-alice', '+1 425 555 0100', 'a@example.com',
     'EMAIL', '2026-11-01 10:00:00')`;

describe.each(testDialects())('severity migration on existing cases (%s)', (dialect) => {
  const dir = mkdtempSync(join(tmpdir(), 'severity-migration-'));
  const schema = `t_sevmig_${randomBytes(4).toString('hex')}`;
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    if (dialect === 'postgresql') await dropTestSchema(schema);
  });

  it('keeps the severity as requested, and an engineer’s change as assessed', async () => {
    const databaseUrl = dialect === 'postgresql' ? TEST_PG_URL : join(dir, 'cases.sqlite');
    const { orm } = await createOrm(
      casesOrmOptions({ databaseUrl, databaseSchema: schema }),
      false,
    );
    try {
      await orm.getMigrator().up({ to: BEFORE });
      const connection = orm.em.getConnection();
      await connection.execute(insertCase('case-old-1', 'A'));
      await connection.execute(insertCase('case-old-2', 'B'));
      await connection.execute(
        `insert into severity_change (id, case_id, "from", "to", reason, at, changed_by_id)
         values ('sev-1', 'case-old-2', 'A', 'B', 'Earlier.', '2026-11-01 11:00:00', 'u'),
                ('sev-2', 'case-old-2', 'B', 'B', 'Latest reason.', '2026-11-01 12:00:00', 'u')`,
      );
      await orm.getMigrator().up();
      const cases = await orm.em.fork().find(SupportCase, {}, { orderBy: { id: 'asc' } });
      expect(
        cases.map((c) => [
          c.id,
          c.severity,
          c.requestedSeverity,
          c.severitySource,
          c.severityReason,
        ]),
      ).toEqual([
        ['case-old-1', 'A', 'A', 'REQUESTED', expect.stringContaining('Provisional')],
        ['case-old-2', 'B', 'B', 'SUPPORT_ENGINEER', 'Latest reason.'],
      ]);
      expect(cases[0]!.closeReason ?? null).toBeNull();
    } finally {
      await orm.close();
    }
  });
});
