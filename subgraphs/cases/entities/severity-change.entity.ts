import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { Severity } from '../graphql-enums';

/** One change of a case's severity, with the reason support gave. */
@ObjectType('SeverityChange')
@Entity({ tableName: 'severity_change' })
@Index({ properties: ['caseId', 'at'] })
export class SeverityChange {
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Property({ type: 'string', length: 80 })
  caseId!: string;

  @Field(() => Severity)
  @Enum({ items: () => Severity, type: 'string' })
  from!: Severity;

  @Field(() => Severity)
  @Enum({ items: () => Severity, type: 'string' })
  to!: Severity;

  @Field(() => String)
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'string', length: 80 })
  changedById!: string;
}
