import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '../../../lib/graphql/scalars';
import { InvoiceStatus } from '../graphql-enums';
import { Money } from './money.type';

@ObjectType({ description: 'Consecutive days of the period billed with the same licence count.' })
export class InvoiceLineSegment {
  @Field(() => DateScalar)
  from!: string;

  @Field(() => DateScalar, { description: 'Last day billed, inclusive.' })
  to!: string;

  @Field(() => Int)
  licenses!: number;

  @Field(() => Int)
  days!: number;
}

@ObjectType('InvoiceLine', {
  description:
    "One subscription's charge: licences times the monthly price, prorated by the days of the " +
    'period each licence count was held (a change applies from the start of its UTC day).',
})
export class InvoiceLineView {
  @Field(() => ID)
  subscriptionId!: string;

  @Field(() => String, { description: 'The plan as it was named when billed.' })
  planName!: string;

  @Field(() => Money, { description: 'Price of one licence for a whole month.' })
  unitPrice!: Money;

  @Field(() => Int, { description: 'Sum over the segments of licences times days.' })
  licenseDays!: number;

  @Field(() => Money, {
    description: 'unitPrice x licenseDays / days in the period, rounded half up to the minor unit.',
  })
  amount!: Money;

  @Field(() => [InvoiceLineSegment])
  segments!: InvoiceLineSegment[];
}

@ObjectType('Invoice', {
  description: 'The monthly invoice of one organization for one calendar month (UTC).',
})
export class InvoiceView {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Unique and never reused (INV-GL-2026-000042); given when the invoice is issued, so a ' +
      'DRAFT has none.',
  })
  number!: string | null;

  @Field(() => DateScalar, { description: 'First day of the month billed.' })
  periodStart!: string;

  @Field(() => DateScalar, { description: 'Last day of the month billed, inclusive.' })
  periodEnd!: string;

  @Field(() => InvoiceStatus)
  status!: InvoiceStatus;

  @Field(() => Money, { description: 'Sum of the lines, in the currency of the cloud.' })
  total!: Money;

  @Field(() => Date, { nullable: true })
  issuedAt!: Date | null;

  @Field(() => DateScalar, { nullable: true, description: 'Net 30 from issue.' })
  dueOn!: string | null;

  @Field(() => Date, { nullable: true })
  paidAt!: Date | null;

  @Field(() => [InvoiceLineView])
  lines!: InvoiceLineView[];
}
