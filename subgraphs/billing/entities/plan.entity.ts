import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Cloud, PlanFamily } from '../../../lib/graphql/enums';
import { PlanKind } from '../graphql-enums';

@ObjectType({ description: 'A plan of the catalog, as sold in one cloud.' })
@Entity({ tableName: 'plan' })
@Index({ properties: ['cloud'] })
export class Plan {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => PlanFamily, {
    description:
      'Support level of the plan. Standalone plans report ENTERPRISE; elevated support add-ons ' +
      'report the family they are sold with.',
  })
  @Enum({ items: () => PlanFamily, type: 'string' })
  family!: PlanFamily;

  @Field(() => PlanKind)
  @Enum({ items: () => PlanKind, type: 'string' })
  kind: PlanKind = PlanKind.BASE;

  @Field(() => Cloud)
  @Enum({ items: () => Cloud, type: 'string' })
  cloud!: Cloud;

  /** Minor units (cents, fen) of `priceCurrency`: money is never a float. */
  @Property({ type: 'integer' })
  priceAmount!: number;

  /** ISO 4217: CNY in the 21Vianet cloud, USD in the global one. */
  @Property({ type: 'string', length: 3 })
  priceCurrency!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  trialAvailable = false;
}
