import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** accounts' Organization, extended here with its cases; only the key is known locally. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Organization {
  @Field(() => ID)
  id!: string;
}
