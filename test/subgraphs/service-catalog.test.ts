import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Cloud } from '../../lib/domain/enums';
import { createOrm } from '../../lib/orm/create-orm';
import { ensureServiceCatalog } from '../../subgraphs/cases/commands/ensure-service-catalog.command';
import { casesOrmOptions } from '../../subgraphs/cases/database';
import { HealthService } from '../../subgraphs/cases/entities/health-service.entity';

// A production database is never seeded with demo data, yet engineers must be able to publish
// on its dashboards: the service catalog is there from the first start.

describe('the service catalog of a database without demo data', () => {
  const dir = mkdtempSync(join(tmpdir(), 'catalog-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('lists every service of both clouds once, however often the subgraph starts', async () => {
    const { orm } = await createOrm(
      casesOrmOptions({ databaseUrl: join(dir, 'cases.sqlite'), databaseSchema: 'cases' }),
    );
    try {
      expect(await ensureServiceCatalog(orm.em.fork())).toBe(11);
      expect(await ensureServiceCatalog(orm.em.fork())).toBe(0);
      const services = await orm.em.fork().find(HealthService, { cloud: Cloud.CHINA_21VIANET });
      expect(services.map((s) => s.name).sort()).toEqual([
        'Exchange Online',
        'Identity',
        'Microsoft 365 Apps',
        'Microsoft Teams',
        'SharePoint Online',
      ]);
    } finally {
      await orm.close();
    }
  });
});
