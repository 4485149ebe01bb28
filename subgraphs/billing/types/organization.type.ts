import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The accounts Organization entity, extended here with what the organization bought. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Organization {
  @Field(() => ID)
  id!: string;
}
