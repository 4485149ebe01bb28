import type { EntityManager } from '@mikro-orm/core';
import { Cloud } from '../../../lib/domain/enums';
import { SERVICE_CATALOG, serviceRowId } from '../domain/service-catalog';
import { HealthService } from '../entities/health-service.entity';

/** Adds the catalog's services a database lacks; run at start, so it is safe to run again. */
export async function ensureServiceCatalog(em: EntityManager, now = new Date()): Promise<number> {
  const existing = new Set((await em.find(HealthService, {})).map((s) => s.id));
  let added = 0;
  for (const cloud of Object.values(Cloud)) {
    for (const name of SERVICE_CATALOG[cloud]) {
      const id = serviceRowId(cloud, name);
      if (existing.has(id)) continue;
      em.create(HealthService, { id, cloud, name, updatedAt: now });
      added += 1;
    }
  }
  await em.flush();
  return added;
}
