import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Organization } from './organization.entity';

export enum ContactKind {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
}

@ObjectType({
  description: 'A phone number or e-mail address registered in the organization profile.',
})
@Entity({ tableName: 'registered_contact' })
@Index({ properties: ['organization'] })
export class RegisteredContact {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @ManyToOne(() => Organization, { deleteRule: 'cascade' })
  organization!: Organization;

  @Field(() => ContactKind)
  @Enum({ items: () => ContactKind, type: 'string' })
  kind!: ContactKind;

  @Field(() => String, { description: 'As registered; phones are compared in E.164 form.' })
  @Property({ type: 'string', length: 320 })
  value!: string;

  /** Phones in E.164 form, for comparison with a caller's number; null for e-mails. */
  @Property({ type: 'string', length: 32, nullable: true })
  e164?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
