import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';

/** The customer's feedback on one closure of a case. */
@ObjectType('CaseSurvey')
@Entity({ tableName: 'case_survey' })
// Once per closure, enforced by the database so that two racing submits cannot both land.
@Unique({ properties: ['caseId', 'closure'] })
export class CaseSurvey {
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Property({ type: 'string', length: 80 })
  caseId!: string;

  /** Which closure it rates: the case's reopenCount when it was closed. */
  @Property({ type: 'integer' })
  closure!: number;

  @Field(() => Int, { description: '1 (poor) to 5 (excellent).' })
  @Property({ type: 'integer' })
  rating!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  comment?: string | null;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  submittedAt!: Date;

  @Property({ type: 'string', length: 80 })
  submittedById!: string;
}
