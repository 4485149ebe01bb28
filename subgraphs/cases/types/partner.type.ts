import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** accounts' Partner, referenced by id: accounts resolves every other field. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Partner {
  @Field(() => ID)
  id!: string;
}
