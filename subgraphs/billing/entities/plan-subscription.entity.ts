import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Cloud } from '../../../lib/graphql/enums';
import { PurchaseChannel, SubscriptionStatus } from '../types/enums';
import { Plan } from './plan.entity';

// Named PlanSubscription because `Subscription` is GraphQL's root type for live operations.
@ObjectType({ description: "An organization's subscription to a plan: a trial or paid." })
@Entity({ tableName: 'plan_subscription' })
@Index({ properties: ['organizationId'] })
export class PlanSubscription {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  /** The organization lives in the accounts subgraph: only its id is kept here. */
  @Property({ type: 'string', length: 80 })
  organizationId!: string;

  /** The organization's cloud, copied at purchase: the access policy needs it for engineers. */
  @Enum({ items: () => Cloud, type: 'string' })
  cloud!: Cloud;

  @ManyToOne(() => Plan)
  plan!: Plan;

  @Field(() => SubscriptionStatus)
  @Enum({ items: () => SubscriptionStatus, type: 'string' })
  status!: SubscriptionStatus;

  @Field(() => PurchaseChannel)
  @Enum({ items: () => PurchaseChannel, type: 'string' })
  channel!: PurchaseChannel;

  /** Set when bought through a partner; the partner lives in accounts. */
  @Property({ type: 'string', length: 80, nullable: true })
  partnerId?: string | null;

  @Field(() => Int, { description: 'Licences bought.' })
  @Property({ type: 'integer' })
  licenses!: number;

  @Field(() => Int, { description: 'Licences assigned to users.' })
  @Property({ type: 'integer', default: 0 })
  assignedLicenses = 0;

  @Property({ type: 'datetime' })
  termStart!: Date;

  /** End of the trial or of the current paid term. */
  @Property({ type: 'datetime' })
  termEnd!: Date;

  @Property({ type: 'boolean', default: true })
  autoRenew = true;

  @Property({ type: 'datetime' })
  createdAt: Date = new Date();

  /**
   * Only a paid, running subscription renews: trials convert or lapse, the others are over.
   * The date is the UTC calendar day of the term's end.
   */
  renewalDate(): string | null {
    return this.status === SubscriptionStatus.ACTIVE
      ? this.termEnd.toISOString().slice(0, 10)
      : null;
  }
}
