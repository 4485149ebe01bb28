import { Supergraph } from '@apollo/federation-internals';

// Where each subgraph is reached: the supergraph's own `@join__graph(url:)`, so a gateway started
// on another supergraph talks to that supergraph's services; ACCOUNTS_URL, BILLING_URL and
// CASES_URL replace it only when set (containers, tests on free ports).

export type SubgraphUrls = Record<string, string>;

export function subgraphUrlsOf(
  supergraphSdl: string,
  overrides: Partial<Record<string, string>>,
): SubgraphUrls {
  const urls: SubgraphUrls = {};
  for (const subgraph of Supergraph.build(supergraphSdl).subgraphs()) {
    urls[subgraph.name] = overrides[subgraph.name] ?? subgraph.url;
  }
  return urls;
}
