import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Cloud } from '../../../lib/graphql/enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: "A Microsoft 365 tenant, or a support provider's own organization." })
@Entity({ tableName: 'organization' })
export class Organization {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  name!: string;

  @Field(() => Cloud)
  @Enum({ items: () => Cloud, type: 'string' })
  cloud!: Cloud;

  @Field(() => String, { description: 'IANA time zone, e.g. Europe/Berlin.' })
  @Property({ type: 'string', length: 64 })
  timeZone!: string;

  @Field(() => Boolean, {
    description: 'Signed the 21Vianet advanced online service agreement (severity A allowed).',
  })
  @Property({ type: 'boolean', default: false })
  advancedSupportAgreement = false;

  /** A support provider's own organization (holds support engineers), not a customer. */
  @Property({ type: 'boolean', default: false })
  provider = false;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();
}
