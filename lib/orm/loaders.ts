import type { EntityClass, EntityData, EntityDictionary, EntityManager } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { boundSelect } from './bound-select';
import { isReadOnly, plainRowsOf } from './read-only';

// Loader builders shared by the subgraphs: one SQL statement per batch, whatever the list size.
//
// The statement is written here once from the entity's metadata (`select * from <table> where
// <column> in (...)`) and run on the connection; the rows become managed entities exactly as
// em.find makes them. A loader's lookup is always this one shape, and building it again through
// MikroORM's query builder and knex on every batch was the larger part of a lookup's CPU.

type Order = Record<string, 'asc' | 'desc'>;

interface LoaderOptions {
  /** In a request that only reads, hand out plain rows (read-only.ts): for entities whose readers
   * use properties and relation keys only. */
  plainWhenReading?: boolean;
}

export const PLAIN_WHEN_READING: LoaderOptions = { plainWhenReading: true };

interface Statement {
  head: string;
  tail: string;
}

/**
 * The statement's fixed parts, written once per ORM (its metadata) and lookup: loaders are made
 * for every request, and writing it again each time was 4% of a subgraph's busy time.
 */
const statements = new WeakMap<object, Map<string, Statement>>();

function statementOf(
  em: EntityManager,
  entity: EntityClass<object>,
  property: string,
  orderBy?: Order,
): Statement {
  const meta = em.getMetadata().get(entity.name);
  const known = statements.get(meta) ?? new Map<string, Statement>();
  statements.set(meta, known);
  const key = `${property}|${JSON.stringify(orderBy ?? {})}`;
  let statement = known.get(key);
  if (!statement) {
    statement = writeStatement(em, meta, property, orderBy);
    known.set(key, statement);
  }
  return statement;
}

function writeStatement(
  em: EntityManager,
  meta: { tableName: string; className: string; properties: object },
  property: string,
  orderBy?: Order,
): Statement {
  const quote = (name: string) => em.getPlatform().quoteIdentifier(name);
  const column = (name: string) => {
    const field = (meta.properties as Record<string, { fieldNames?: string[] }>)[name]
      ?.fieldNames?.[0];
    if (!field) throw new Error(`${meta.className}.${name} is not a column`);
    return quote(field);
  };
  const order = Object.entries(orderBy ?? {})
    .map(([name, direction]) => `${column(name)} ${direction}`)
    .join(', ');
  return {
    head: `select * from ${quote(meta.tableName)} where ${column(property)} in (`,
    tail: order ? `) order by ${order}` : ')',
  };
}

function selectWhereIn<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  property: string,
  orderBy: Order | undefined,
  options: LoaderOptions,
) {
  const meta = em.getMetadata().get<T>(entity.name);
  const { head, tail } = statementOf(em, entity, property, orderBy);
  const plain = options.plainWhenReading && isReadOnly(em) ? plainRowsOf(em, entity) : null;
  return async (keys: readonly string[]): Promise<T[]> => {
    // What em.find does around its query: the entity manager (or transaction) it would use, its
    // auto-flush of pending changes, and entities made by the same factory, merged into the
    // identity map without overwriting one already loaded in this unit of work.
    const current = em.getContext();
    await current.tryFlush(entity, {});
    const rows = await boundSelect<EntityDictionary<T>>(
      current,
      `${head}${keys.map(() => '?').join(', ')}${tail}`,
      keys,
    );
    if (plain) return rows.map(plain);
    const driver = current.getDriver();
    const factory = current.getEntityFactory();
    return rows.map((row) =>
      factory.create(entity, driver.mapResult(row, meta) as EntityData<T>, {
        merge: true,
        refresh: false,
        convertCustomTypes: true,
      }),
    );
  };
}

/** Loads entities by primary key; a missing id resolves to null. */
export function loaderById<T extends { id: string }>(
  em: EntityManager,
  entity: EntityClass<T>,
  options: LoaderOptions = {},
): DataLoader<string, T | null> {
  const select = selectWhereIn(em, entity, 'id', undefined, options);
  return new DataLoader(async (ids) => {
    const byId = new Map((await select(ids)).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Loads every row whose foreign key is one of the keys, grouped by that key. */
export function loaderGroupedBy<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  foreignKey: keyof T & string,
  keyOf: (row: T) => string,
  orderBy?: Order,
  options: LoaderOptions = {},
): DataLoader<string, T[]> {
  const select = selectWhereIn(em, entity, foreignKey, orderBy, options);
  return new DataLoader(async (keys) => {
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of await select(keys)) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
