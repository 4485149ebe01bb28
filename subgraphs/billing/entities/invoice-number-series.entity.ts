import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The invoice number sequence, one row per series (cloud and year). A number is taken by
 * incrementing the row inside the transaction that stores the invoice: the row lock serializes
 * concurrent issuers, and a rolled-back invoice gives its number back, so numbers have no gaps
 * and are never reused.
 */
@Entity({ tableName: 'invoice_number_series' })
export class InvoiceNumberSeries {
  @PrimaryKey({ type: 'string', length: 20 })
  series!: string;

  @Property({ type: 'integer' })
  lastValue!: number;
}
