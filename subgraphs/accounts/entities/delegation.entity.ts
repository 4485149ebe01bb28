import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { AdminRole } from '../../../lib/domain/enums';
import { Organization } from './organization.entity';
import { Partner } from './partner.entity';

export enum DelegationStatus {
  ACTIVE = 'ACTIVE',
  TERMINATED = 'TERMINATED',
}

/** A granular delegated admin relationship: a partner acting with some admin roles for a customer. */
@Entity({ tableName: 'delegation' })
@Index({ properties: ['partner', 'endsAt'] })
@Index({ properties: ['organization'] })
export class Delegation {
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @ManyToOne(() => Partner)
  partner!: Partner;

  @ManyToOne(() => Organization)
  organization!: Organization;

  @Property({ type: 'json' })
  roles!: AdminRole[];

  @Property({ type: 'datetime' })
  startsAt!: Date;

  @Property({ type: 'datetime' })
  endsAt!: Date;

  @Enum({ items: () => DelegationStatus, type: 'string' })
  status: DelegationStatus = DelegationStatus.ACTIVE;

  /** Valid means active and not past its end: an expired or terminated one grants nothing. */
  isValidAt(now: Date): boolean {
    return this.status === DelegationStatus.ACTIVE && this.startsAt <= now && this.endsAt > now;
  }
}
