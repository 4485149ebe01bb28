import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { PlanSubscription } from './plan-subscription.entity';

export enum LicenseChangeReason {
  PURCHASED = 'PURCHASED',
  CONVERTED = 'CONVERTED',
  CHANGED = 'CHANGED',
  RENEWED = 'RENEWED',
  CANCELED = 'CANCELED',
  EXPIRED = 'EXPIRED',
  /** History carried over when the demo data was seeded. */
  IMPORTED = 'IMPORTED',
}

/**
 * Append-only history of paid licences: from `effectiveAt` on, `licenses` are billed (0 stops
 * billing). Invoices prorate from it, so a change in the middle of a month is billed by the day.
 */
@Entity({ tableName: 'license_change' })
@Index({ properties: ['organizationId', 'effectiveAt'] })
export class LicenseChange {
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @ManyToOne(() => PlanSubscription)
  subscription!: PlanSubscription;

  /** Denormalized so that one statement loads an organization's whole history. */
  @Property({ type: 'string', length: 80 })
  organizationId!: string;

  @Property({ type: 'datetime' })
  effectiveAt!: Date;

  @Property({ type: 'integer' })
  licenses!: number;

  @Property({ type: 'string', length: 20 })
  reason!: LicenseChangeReason;

  @Property({ type: 'datetime' })
  recordedAt: Date = new Date();
}
