import { UpstreamError } from '../errors/domain-errors';
import type { ServiceClient } from './service-client';

/**
 * Resolves a batch of entity references on a peer subgraph with one `_entities` query, as the
 * gateway would. A representation the peer does not know (NOT_FOUND on its index) comes back as
 * null; any other error fails the batch, since cases must not decide on half an answer.
 */
export async function resolveEntities<T>(
  client: ServiceClient,
  query: string,
  typename: string,
  ids: readonly string[],
): Promise<(T | null)[]> {
  const { data, errors } = await client.queryPartial<{ _entities: (T | null)[] }>(query, {
    representations: ids.map((id) => ({ __typename: typename, id })),
  });
  const missing = new Set<number>();
  const failures: string[] = [];
  for (const error of errors) {
    const [root, index, ...field] = error.path ?? [];
    const notFound = error.extensions?.code === 'NOT_FOUND' && field.length === 0;
    if (root === '_entities' && typeof index === 'number' && notFound) missing.add(index);
    else failures.push(error.message);
  }
  if (failures.length > 0) throw new UpstreamError(typename, failures.join('; '));
  return ids.map((_, i) => (missing.has(i) ? null : (data._entities[i] ?? null)));
}
