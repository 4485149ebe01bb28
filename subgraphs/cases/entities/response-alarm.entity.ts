import { BigIntType, Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { CaseEventKind } from '../domain/case-enums';

/**
 * A response-clock alarm that has fired. The key (case, kind, due instant) is the claim: the
 * scheduler inserts it in the transaction that writes the event, so when several cases replicas
 * race, one commits and the others fail on the key and roll back, event included. Alarms that
 * are due and have no row here fire on the next tick, after a restart too.
 */
@Entity({ tableName: 'response_alarm' })
@Index({ properties: ['caseId'] })
export class ResponseAlarm {
  /** `caseId|kind|dueAt` (domain/response-alarms.ts, alarmKey). */
  @PrimaryKey({ type: 'string', length: 160 })
  id!: string;

  @Property({ type: 'string', length: 80 })
  caseId!: string;

  @Enum({ items: () => CaseEventKind, type: 'string' })
  kind!: CaseEventKind;

  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Property({ type: 'datetime' })
  firedAt!: Date;

  /** The case_event it wrote. */
  @Property({ type: new BigIntType('number') })
  eventId!: number;
}
