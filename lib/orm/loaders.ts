import type { EntityClass, EntityManager, FilterQuery } from '@mikro-orm/core';
import DataLoader from 'dataloader';

// Loader builders shared by the subgraphs: one SQL statement per batch, whatever the list size.

/** Loads entities by primary key; a missing id resolves to null. */
export function loaderById<T extends { id: string }>(
  em: EntityManager,
  entity: EntityClass<T>,
): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const rows = await em.find(entity, { id: { $in: [...ids] } } as unknown as FilterQuery<T>);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Loads every row whose foreign key is one of the keys, grouped by that key. */
export function loaderGroupedBy<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  foreignKey: keyof T & string,
  keyOf: (row: T) => string,
  orderBy?: Record<string, 'asc' | 'desc'>,
  where: FilterQuery<T> = {} as FilterQuery<T>,
): DataLoader<string, T[]> {
  return new DataLoader(async (keys) => {
    const rows = await em.find(
      entity,
      { ...(where as object), [foreignKey]: { $in: [...keys] } } as FilterQuery<T>,
      orderBy ? { orderBy: orderBy as never } : {},
    );
    const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
    for (const row of rows) groups.get(keyOf(row))?.push(row);
    return keys.map((key) => groups.get(key) ?? []);
  });
}
