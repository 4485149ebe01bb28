/** Ready only when every subgraph answers its own /health in time. */
export async function checkSubgraphs(
  urls: Record<string, string>,
  timeoutMs = 2_000,
): Promise<Record<string, boolean>> {
  const entries = await Promise.all(
    Object.entries(urls).map(async ([name, url]) => {
      try {
        const response = await fetch(new URL('/health', url), {
          signal: AbortSignal.timeout(timeoutMs),
        });
        return [name, response.ok] as const;
      } catch {
        return [name, false] as const;
      }
    }),
  );
  return Object.fromEntries(entries);
}
