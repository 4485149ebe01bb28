import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Cloud } from '../../../lib/graphql/enums';

/**
 * accounts' Organization, extended here with its cases. The cloud decides support engineers'
 * access to the cases; it is accounts' to say, so the gateway passes it (@requires) rather than
 * cases keeping a copy.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Organization {
  @Field(() => ID)
  id!: string;

  @Directive('@external')
  @Field(() => Cloud)
  cloud?: Cloud;
}
