import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** accounts' User, referenced by id: accounts resolves every other field. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class User {
  @Field(() => ID)
  id!: string;
}
