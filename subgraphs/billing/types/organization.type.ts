import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Cloud } from '../../../lib/graphql/enums';

/** The accounts Organization entity, extended here with what the organization bought. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Organization {
  @Field(() => ID)
  id!: string;

  /**
   * Owned by accounts; fields that need it (`@requires`) receive it in the representation. The
   * access policy needs the cloud for support engineers, also for an organization that has
   * bought nothing yet.
   */
  @Directive('@external')
  @Field(() => Cloud)
  cloud!: Cloud | null;
}
