import { BigIntType, Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Named counters (case numbers per cloud, case event ids). They are only ever bumped by one
 * UPDATE inside the transaction that uses the value (see sequence.ts), so the row lock orders
 * concurrent writers and a rolled-back transaction leaves no gap.
 */
@Entity({ tableName: 'sequence_counter' })
export class SequenceCounter {
  @PrimaryKey({ type: 'string', length: 80 })
  name!: string;

  @Property({ type: new BigIntType('number') })
  value!: number;
}
