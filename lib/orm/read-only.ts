import {
  type EntityClass,
  type EntityManager,
  type EntityMetadata,
  ReferenceKind,
} from '@mikro-orm/core';

// A request that can only read (the planner's queries, lib/http/subgraph-query-path.ts) never
// changes an entity, so the entities its loaders hand out need no identity map, no change
// tracking and no propagation: MikroORM's entity factory was 9% of accounts' and 17% of billing's
// busy time on a rotating SupportPicture. Its entity manager is marked here, and the loaders that
// opt in (lib/orm/loaders.ts) give it plain rows instead. Mutations keep managed entities.

const readOnly = new WeakSet<EntityManager>();

/** Marks a request's (forked) entity manager as one that only reads. */
export function markReadOnly<T extends EntityManager>(em: T): T {
  readOnly.add(em);
  return em;
}

export const isReadOnly = (em: EntityManager): boolean => readOnly.has(em);

/**
 * A row as the entity's plain data: MikroORM's own result mapper (columns to properties, types
 * converted), and each to-one relation as an object holding only its key, as an unloaded MikroORM
 * reference does. For entities whose readers use only properties and relation keys: no methods,
 * no collections.
 */
export function plainRowsOf<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
): (row: Record<string, unknown>) => T {
  const meta = em.getMetadata().get<T>(entity.name);
  const driver = em.getDriver();
  const toOne = toOneRelationsOf(meta);
  return (row) => {
    const data = driver.mapResult(row as never, meta) as Record<string, unknown>;
    for (const { name, key } of toOne) {
      const value = data[name];
      data[name] = value == null ? null : { [key]: value };
    }
    return data as T;
  };
}

/** Each entity's to-one relations, worked out once per ORM (loaders are made per request). */
const toOneByMeta = new WeakMap<EntityMetadata, { name: string; key: string }[]>();

function toOneRelationsOf(meta: EntityMetadata): { name: string; key: string }[] {
  let toOne = toOneByMeta.get(meta);
  if (!toOne) {
    toOne = meta.relations
      .filter(
        (p) =>
          p.kind === ReferenceKind.MANY_TO_ONE || (p.kind === ReferenceKind.ONE_TO_ONE && p.owner),
      )
      .map((p) => ({ name: p.name as string, key: p.targetMeta!.primaryKeys[0] as string }));
    toOneByMeta.set(meta, toOne);
  }
  return toOne;
}
