import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { type GraphQLSchema, parse } from 'graphql';
import { buildSchema, createResolversMap, type NonEmptyArray, type PubSub } from 'type-graphql';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';

// The bridge from type-graphql classes to a Federation 2 subgraph, shared by all subgraphs so the
// federation version and the imported directives are decided in one place.

export const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.6", ' +
  'import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

export type ReferenceResolvers = Record<
  string,
  { __resolveReference: (reference: { id: string }, context: never) => unknown }
>;

export interface SubgraphSchemaParts {
  resolvers: NonEmptyArray<Function>;
  /** Entity stubs and types not reachable from a root field. */
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
  /** Subgraphs with a Subscription root: type-graphql insists on one, even for custom subscribe. */
  pubSub?: PubSub;
}

export interface BuiltSubgraphSchema {
  schema: GraphQLSchema;
  /** Federation 2 SDL of this subgraph, as composition consumes it. */
  sdl: string;
}

export async function buildFederatedSchema(
  parts: SubgraphSchemaParts,
): Promise<BuiltSubgraphSchema> {
  const typeGraphQLSchema = await buildSchema({
    resolvers: parts.resolvers,
    orphanedTypes: parts.orphanedTypes,
    pubSub: parts.pubSub,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: false,
    skipCheck: true,
  });
  const printed = printSchemaWithDirectives(typeGraphQLSchema);
  const sdl = `${FEDERATION_LINK}\n\n${printed}\n`;
  const resolvers = createResolversMap(typeGraphQLSchema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(parts.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  const schema = buildSubgraphSchema([{ typeDefs: parse(sdl), resolvers }]);
  return { schema, sdl };
}

export { DateScalar, DateTimeScalar };
