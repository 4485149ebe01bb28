import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A reference to the accounts Partner entity: accounts resolves its name. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType()
export class Partner {
  @Field(() => ID)
  id!: string;
}
