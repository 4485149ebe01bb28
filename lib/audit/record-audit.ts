import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Viewer } from '../viewer/viewer';
import { AuditEntry } from './audit-entry.entity';

export interface AuditChange {
  organizationId: string;
  action: string;
  target: string;
  before?: unknown;
  after?: unknown;
}

/** Adds an audit entry to the unit of work: it commits or rolls back with the change itself. */
export function recordAudit(
  em: EntityManager,
  viewer: Viewer,
  change: AuditChange,
  now = new Date(),
): AuditEntry {
  return em.create(AuditEntry, {
    id: `audit-${randomUUID()}`,
    actorId: viewer.userId ?? 'system',
    actorEmail: viewer.email,
    at: now,
    ...change,
  });
}
