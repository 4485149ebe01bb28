import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Cloud } from '../../../lib/graphql/enums';

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A partner (CSP reseller) that customers may delegate administration to.',
})
@Entity({ tableName: 'partner' })
export class Partner {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => Cloud)
  @Enum({ items: () => Cloud, type: 'string' })
  cloud!: Cloud;
}
