import { Entity, Enum, Index, type Opt, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Cloud } from '../../../lib/graphql/enums';
import { CaseCategory, CaseStatus, ContactMethod, Severity } from '../graphql-enums';

/**
 * A service request. The organization, its users and partners live in accounts: they are kept
 * here as plain id columns, never foreign keys, because each subgraph owns its own database.
 */
@ObjectType('Case', { description: 'A service request (support case) of one organization.' })
@Entity({ tableName: 'support_case' })
@Index({ properties: ['organizationId', 'openedAt'] })
@Unique({ properties: ['cloud', 'number'] })
export class SupportCase {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @Field(() => String, { description: 'Human-friendly, unique per cloud: GL-000123, CN-000045.' })
  @Property({ type: 'string', length: 20 })
  number!: string;

  @Property({ type: 'string', length: 80 })
  organizationId!: string;

  /** Copied from the organization when opened: numbering and engineer access are per cloud. */
  @Enum({ items: () => Cloud, type: 'string' })
  cloud!: Cloud;

  @Field(() => CaseCategory)
  @Enum({ items: () => CaseCategory, type: 'string' })
  category!: CaseCategory;

  @Field(() => String, { description: 'e.g. Exchange Online mailbox migration.' })
  @Property({ type: 'string', length: 120 })
  topic!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 200 })
  title!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  description!: string;

  @Field(() => Severity)
  @Enum({ items: () => Severity, type: 'string' })
  severity!: Severity;

  @Field(() => CaseStatus)
  @Enum({ items: () => CaseStatus, type: 'string' })
  status: CaseStatus & Opt = CaseStatus.OPEN;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  openedAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'datetime', nullable: true })
  closedAt?: Date | null;

  @Field(() => Int)
  @Property({ type: 'integer', default: 0 })
  reopenCount: number & Opt = 0;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: false })
  escalated: boolean & Opt = false;

  /** Initial response due; null when the plan makes no commitment for this case. */
  @Property({ type: 'datetime', nullable: true })
  dueAt?: Date | null;

  /** First response from support in the current response cycle. */
  @Property({ type: 'datetime', nullable: true })
  respondedAt?: Date | null;

  @Property({ type: 'string', length: 80 })
  openedById!: string;

  /** Set when a partner agent opened the case for its customer. */
  @Property({ type: 'string', length: 80, nullable: true })
  onBehalfOfPartnerId?: string | null;

  @Property({ type: 'string', length: 40 })
  contactPhone!: string;

  @Property({ type: 'string', length: 320 })
  contactEmail!: string;

  @Enum({ items: () => ContactMethod, type: 'string' })
  contactMethod!: ContactMethod;

  /** Lets a retried submit return the case it already opened. */
  @Property({ type: 'string', length: 128, nullable: true })
  idempotencyKey?: string | null;

  @Property({ type: 'datetime' })
  createdAt: Date & Opt = new Date();
}
