import type { EntityManager } from '@mikro-orm/core';
import type { CaseEventKind } from '../domain/case-enums';
import { CaseEvent } from '../entities/case-event.entity';
import type { SupportCase } from '../entities/support-case.entity';
import { advanceSequence } from './sequence';

export const CASE_EVENT_SEQUENCE = 'case-event';

export interface Actor {
  id: string;
  email: string | null;
}

type Snapshot = Record<string, unknown> | null;

/**
 * Collects the events of one change and writes them in its transaction, numbered last so the
 * counter row is locked only for the final flush.
 */
export class CaseEventRecorder {
  private readonly pending: { kind: CaseEventKind; before: Snapshot; after: Snapshot }[] = [];

  constructor(
    private readonly kase: SupportCase,
    private readonly actor: Actor,
    private readonly at: Date,
  ) {}

  add(kind: CaseEventKind, before: Snapshot, after: Snapshot): void {
    this.pending.push({ kind, before, after });
  }

  async write(em: EntityManager): Promise<CaseEvent[]> {
    if (this.pending.length === 0) return [];
    const last = await advanceSequence(em, CASE_EVENT_SEQUENCE, this.pending.length);
    const first = last - this.pending.length + 1;
    return this.pending.map((event, i) =>
      em.create(CaseEvent, {
        id: first + i,
        caseId: this.kase.id,
        organizationId: this.kase.organizationId,
        cloud: this.kase.cloud,
        kind: event.kind,
        actorId: this.actor.id,
        actorEmail: this.actor.email,
        at: this.at,
        before: event.before,
        after: event.after,
      }),
    );
  }
}
