import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Cloud } from '../../../lib/graphql/enums';
import { PurchaseChannel, SubscriptionStatus } from '../graphql-enums';
import { Plan } from './plan.entity';

// Named PlanSubscription because `Subscription` is GraphQL's root type for live operations.
// `status` and `cancellationAllowedUntil` are exposed through the resolver: what is stored is
// not always what holds now (a trial past its end is EXPIRED before the billing cycle says so).
@ObjectType({ description: "An organization's subscription to a plan: a trial or paid." })
@Entity({ tableName: 'plan_subscription' })
@Index({ properties: ['organizationId'] })
// One trial per plan and organization, also under concurrent requests.
@Unique({ properties: ['organizationId', 'trialOf'] })
export class PlanSubscription {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  /** The organization lives in the accounts subgraph: only its id is kept here. */
  @Property({ type: 'string', length: 80 })
  organizationId!: string;

  /** The cloud of the plan bought, which is the organization's (checked at purchase). */
  @Enum({ items: () => Cloud, type: 'string' })
  cloud!: Cloud;

  @ManyToOne(() => Plan)
  plan!: Plan;

  @Enum({ items: () => SubscriptionStatus, type: 'string' })
  status!: SubscriptionStatus;

  @Field(() => PurchaseChannel)
  @Enum({ items: () => PurchaseChannel, type: 'string' })
  channel!: PurchaseChannel;

  /** Set when bought through a partner; the partner lives in accounts. */
  @Property({ type: 'string', length: 80, nullable: true })
  partnerId?: string | null;

  /** The plan id when this began as a trial (null for purchases): see the unique constraint. */
  @Property({ type: 'string', length: 80, nullable: true })
  trialOf?: string | null;

  /** When it became paid (purchase or conversion); null while it has only been a trial. */
  @Property({ type: 'datetime', nullable: true })
  paidSince?: Date | null;

  @Field(() => Int, { description: 'Licences bought (a trial has 25).' })
  @Property({ type: 'integer' })
  licenses!: number;

  @Field(() => Int, { description: 'Licences assigned to users.' })
  @Property({ type: 'integer', default: 0 })
  assignedLicenses = 0;

  @Field(() => Date, { description: 'Start of the trial or of the current paid term.' })
  @Property({ type: 'datetime' })
  termStart!: Date;

  @Field(() => Date, {
    description:
      'End of the trial or of the current paid term (later when renewed ahead); for a canceled ' +
      'subscription, when it was canceled.',
  })
  @Property({ type: 'datetime' })
  termEnd!: Date;

  @Field(() => Boolean, {
    description: 'A paid term renews by itself at its end; trials never do.',
  })
  @Property({ type: 'boolean', default: true })
  autoRenew = true;

  /** End of the window in which a paid subscription may be cancelled; null for trials. */
  @Property({ type: 'datetime', nullable: true })
  cancellationAllowedUntil?: Date | null;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /** When it last changed; the next change is dated strictly later (see subscription-commands). */
  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();
}
