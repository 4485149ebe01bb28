import { Entity, Enum, Index, ManyToOne, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { AdminRole } from '../../../lib/domain/enums';
import { Organization } from './organization.entity';
import { Partner } from './partner.entity';

export enum DelegationStatus {
  /** Requested by the partner, waiting for a global admin of the customer. */
  PENDING = 'PENDING',
  ACTIVE = 'ACTIVE',
  TERMINATED = 'TERMINATED',
}

/** A granular delegated admin relationship: a partner acting with some admin roles for a customer. */
@ObjectType({ description: 'Granular delegated admin privileges of a partner for one customer.' })
@Entity({ tableName: 'delegation' })
@Index({ properties: ['partner', 'endsAt'] })
@Index({ properties: ['organization'] })
export class Delegation {
  @Field(() => ID)
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @ManyToOne(() => Partner)
  partner!: Partner;

  @ManyToOne(() => Organization)
  organization!: Organization;

  @Field(() => [AdminRole])
  @Property({ type: 'json' })
  roles!: AdminRole[];

  /** Requested length; the end is fixed from the approval instant. */
  @Field(() => Int)
  @Property({ type: 'integer' })
  durationDays!: number;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Field(() => Date, { description: 'The end; nothing is granted from then on.' })
  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Field(() => DelegationStatus)
  @Enum({ items: () => DelegationStatus, type: 'string' })
  status: DelegationStatus & Opt = DelegationStatus.PENDING;

  @Property({ type: 'datetime', nullable: true })
  terminatedAt?: Date | null;

  /** Valid means active and not past its end: an expired or terminated one grants nothing. */
  isValidAt(now: Date): boolean {
    return this.status === DelegationStatus.ACTIVE && this.startsAt <= now && this.endsAt > now;
  }
}
