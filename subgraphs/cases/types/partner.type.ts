import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** accounts' Partner; cases adds what it counts about the partner's cases. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Partner {
  @Field(() => ID)
  id!: string;
}
