import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';

/** A note on a case, from the customer's side or from support. Never edited. */
@ObjectType('CaseNote')
@Entity({ tableName: 'case_note' })
@Index({ properties: ['caseId', 'at'] })
export class CaseNote {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Property({ type: 'string', length: 80 })
  caseId!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  body!: string;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  at!: Date;

  @Property({ type: 'string', length: 80 })
  authorId!: string;

  @Field(() => Boolean, { description: "Written by a support engineer of the case's cloud." })
  @Property({ type: 'boolean' })
  fromSupport!: boolean;
}
