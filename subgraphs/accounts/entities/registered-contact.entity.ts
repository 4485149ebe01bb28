import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { Organization } from './organization.entity';

export enum ContactKind {
  PHONE = 'PHONE',
  EMAIL = 'EMAIL',
}
registerEnumType(ContactKind, { name: 'ContactKind' });

@ObjectType({
  description: 'A phone number or e-mail address registered in the organization profile.',
})
@Entity({ tableName: 'registered_contact' })
@Index({ properties: ['organization'] })
export class RegisteredContact {
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

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
