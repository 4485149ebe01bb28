import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import type { BilledSegment } from '../domain/proration';
import { Invoice } from './invoice.entity';

/** One subscription's charge on an issued invoice, with the plan as it was named then. */
@Entity({ tableName: 'invoice_line' })
@Index({ properties: ['invoice'] })
export class InvoiceLine {
  @PrimaryKey({ type: 'string', length: 80 })
  id!: string;

  @ManyToOne(() => Invoice)
  invoice!: Invoice;

  @Property({ type: 'integer' })
  position!: number;

  @Property({ type: 'string', length: 80 })
  subscriptionId!: string;

  @Property({ type: 'string', length: 80 })
  planId!: string;

  @Property({ type: 'string', length: 200 })
  planName!: string;

  /** Monthly price per licence, minor units. */
  @Property({ type: 'integer' })
  unitPrice!: number;

  @Property({ type: 'integer' })
  licenseDays!: number;

  @Property({ type: 'integer' })
  amount!: number;

  @Property({ type: 'json' })
  segments!: BilledSegment[];
}
