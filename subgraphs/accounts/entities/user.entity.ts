import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Organization } from './organization.entity';
import { Partner } from './partner.entity';

@Directive('@key(fields: "id")')
@ObjectType({
  description: 'A person: an organization member, a partner agent or a support engineer.',
})
@Entity({ tableName: 'app_user' })
@Index({ properties: ['organization'] })
@Index({ properties: ['partner'] })
@Unique({ properties: ['subjectIssuer', 'subject'] })
export class User {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 320, unique: true })
  email!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  displayName!: string;

  /** Home organization; partner agents have none. */
  @ManyToOne(() => Organization, { nullable: true })
  organization?: Organization | null;

  @ManyToOne(() => Partner, { nullable: true })
  partner?: Partner | null;

  /**
   * The identity provider's immutable name for this person (`iss`, or `entra:<tid>`), with
   * `subject` (`sub`, or `oid`): how a token finds its user (viewer/sign-in.ts). Null until the
   * first sign-in links it.
   */
  @Property({ type: 'string', length: 300, nullable: true })
  subjectIssuer?: string | null;

  @Property({ type: 'string', length: 255, nullable: true })
  subject?: string | null;

  /** Only meaningful in a provider organization: works the cases of that cloud. */
  @Field(() => Boolean, { description: 'A support engineer of the provider of its cloud.' })
  @Property({ type: 'boolean', default: false })
  supportEngineer = false;
}
