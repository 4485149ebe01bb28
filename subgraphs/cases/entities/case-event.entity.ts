import { BigIntType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Cloud } from '../../../lib/domain/enums';
import { CaseEventKind } from '../domain/case-enums';

/**
 * Append-only log of every change to a case, written in the transaction of the change. The id is
 * taken from a counter row that each writing transaction locks until it commits, so ids appear in
 * commit order: a reader resuming "after id N" can never miss an event committed later with a
 * smaller id. That is what makes it usable as the cursor of live updates.
 */
@Entity({ tableName: 'case_event' })
@Index({ properties: ['organizationId', 'id'] })
@Index({ properties: ['caseId', 'id'] })
export class CaseEvent {
  @PrimaryKey({ type: new BigIntType('number'), autoincrement: false })
  id!: number;

  @Property({ type: 'string', length: 80 })
  caseId!: string;

  @Property({ type: 'string', length: 80 })
  organizationId!: string;

  @Enum({ items: () => Cloud, type: 'string' })
  cloud!: Cloud;

  @Enum({ items: () => CaseEventKind, type: 'string' })
  kind!: CaseEventKind;

  /** The acting user's id, or "system" for changes nobody made (seeding, timers). */
  @Property({ type: 'string', length: 80 })
  actorId!: string;

  @Property({ type: 'string', length: 320, nullable: true })
  actorEmail?: string | null;

  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'json', nullable: true })
  before?: Record<string, unknown> | null;

  @Property({ type: 'json', nullable: true })
  after?: Record<string, unknown> | null;
}
