import type { EntityManager } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';

// One statement bumps (or creates) a named counter and returns its new value. Inside a
// transaction the row stays locked until commit, so concurrent writers queue on it: values are
// unique, increase in commit order, and a rolled-back transaction gives its values back.
const BUMP =
  'insert into sequence_counter (name, value) values (?, ?) ' +
  'on conflict (name) do update set value = sequence_counter.value + excluded.value ' +
  'returning value';

/** Reserves `count` values of the counter; returns the last one (the first is last - count + 1). */
export async function advanceSequence(em: EntityManager, name: string, count = 1): Promise<number> {
  const rows = await (em as SqlEntityManager).execute<{ value: number | string }[]>(BUMP, [
    name,
    count,
  ]);
  // PostgreSQL returns bigint as a string.
  return Number(rows[0]!.value);
}
