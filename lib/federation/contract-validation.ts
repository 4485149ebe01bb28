import { Supergraph } from '@apollo/federation-internals';
import { type GraphQLSchema, parse, validate } from 'graphql';

/** The client-facing API schema of a supergraph (what the gateway serves). */
export function apiSchemaOf(supergraphSdl: string): GraphQLSchema {
  return Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();
}

/** Validates client documents as shipped; returns one line per problem, empty when all pass. */
export function validateDocuments(
  schema: GraphQLSchema,
  documents: { name: string; source: string }[],
): string[] {
  return documents.flatMap(({ name, source }) => {
    try {
      return validate(schema, parse(source)).map((error) => `${name}: ${error.message}`);
    } catch (error) {
      return [`${name}: ${(error as Error).message}`];
    }
  });
}
