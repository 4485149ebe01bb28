import { composeServices } from '@apollo/composition';
import { composeServices as composeWithGuild } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { SUBGRAPH_PORTS, type SubgraphName } from '../config/subgraph-config';

/** Routing URLs written into the checked-in supergraph; the gateway overrides them by config. */
export const SUBGRAPH_URLS: Record<SubgraphName, string> = {
  accounts: `http://localhost:${SUBGRAPH_PORTS.accounts}/graphql`,
  billing: `http://localhost:${SUBGRAPH_PORTS.billing}/graphql`,
  cases: `http://localhost:${SUBGRAPH_PORTS.cases}/graphql`,
};

export interface SubgraphSdl {
  name: string;
  url: string;
  sdl: string;
}

/**
 * Composes with @apollo/composition (the supergraph the gateway runs) and checks that a second,
 * independent composer (The Guild's) accepts the same subgraphs. Throws with every error.
 */
export function composeSubgraphs(subgraphs: SubgraphSdl[]): string {
  const definitions = subgraphs.map((s) => ({ name: s.name, url: s.url, typeDefs: parse(s.sdl) }));
  const apollo = composeServices(definitions);
  if (apollo.errors) {
    throw new Error(
      `Composition failed:\n${apollo.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  const guild = composeWithGuild(definitions);
  if (guild.errors && guild.errors.length > 0) {
    throw new Error(
      `The Guild's composer refuses the subgraphs:\n${guild.errors.map((e) => `  - ${e.message}`).join('\n')}`,
    );
  }
  return `${apollo.supergraphSdl.trim()}\n`;
}
