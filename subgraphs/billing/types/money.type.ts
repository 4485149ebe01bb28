import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'An amount of money in minor units (cents, fen), never a float.' })
export class Money {
  @Field(() => Int)
  amount!: number;

  @Field(() => String, { description: 'ISO 4217 currency code, e.g. USD or CNY.' })
  currency!: string;
}
