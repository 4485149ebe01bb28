import { answersHealth } from '../lib/federation/subgraph-availability';

/** /ready: ready only when every subgraph answers its own /health in time. */
export async function checkSubgraphs(
  urls: Record<string, string>,
  timeoutMs = 2_000,
): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => [name, await answersHealth(url, timeoutMs)]),
  );
  return Object.fromEntries(entries);
}
