import {
  Cascade,
  Collection,
  Entity,
  Enum,
  Index,
  OneToMany,
  PrimaryKey,
  Property,
  Unique,
} from '@mikro-orm/core';
import { Cloud } from '../../../lib/domain/enums';
import { InvoiceLine } from './invoice-line.entity';

/**
 * An issued monthly invoice: an immutable snapshot of what the period cost. Drafts of periods not
 * yet issued are computed on read and never stored. Only `paidAt` changes after issue.
 */
@Entity({ tableName: 'invoice' })
// One invoice per organization and period, also when two billing cycles race.
@Unique({ properties: ['organizationId', 'period'] })
@Index({ properties: ['organizationId'] })
export class Invoice {
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  /** From the invoice_number_series sequence: unique, and never reused. */
  @Property({ type: 'string', length: 40, unique: true })
  number!: string;

  @Property({ type: 'string', length: 80 })
  organizationId!: string;

  @Enum({ items: () => Cloud, type: 'string' })
  cloud!: Cloud;

  /** `YYYY-MM`: the UTC calendar month billed. */
  @Property({ type: 'string', length: 7 })
  period!: string;

  @Property({ type: 'string', length: 3 })
  currency!: string;

  /** Minor units of `currency`. */
  @Property({ type: 'integer' })
  totalAmount!: number;

  @Property({ type: 'datetime' })
  issuedAt!: Date;

  @Property({ type: 'datetime' })
  dueAt!: Date;

  @Property({ type: 'datetime', nullable: true })
  paidAt?: Date | null;

  @OneToMany(
    () => InvoiceLine,
    (line) => line.invoice,
    { cascade: [Cascade.PERSIST], orderBy: { position: 'asc' } },
  )
  lines = new Collection<InvoiceLine>(this);
}
