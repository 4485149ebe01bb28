import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLFormattedError,
  type GraphQLSchema,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import type { createOperationLimits } from '../security/operation-limits';

// The checks a subscription passes before anything runs, on both transports: the same operation
// limits as queries (the parser's token limit, GraphQL Armor's depth, alias, directive and cost
// rules), then the usual validation. Refusals go through the gateway's error formatter, so an
// over-deep or alias-bombed subscription answers OPERATION_TOO_COMPLEX exactly as a query does.

export interface LiveOperationPayload {
  query: string;
}

type Formatter = (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError;

export function createLiveOperationCheck(
  schema: GraphQLSchema,
  limits: ReturnType<typeof createOperationLimits>,
  format: Formatter,
) {
  const rules = [...specifiedRules, ...limits.validationRules];
  const refusal = (error: GraphQLError, code: ApolloServerErrorCode): GraphQLError => {
    const coded = new GraphQLError(error.message, {
      nodes: error.nodes,
      extensions: { code },
      originalError: error,
    });
    const formatted = format(coded.toJSON(), coded);
    return new GraphQLError(formatted.message, { extensions: formatted.extensions });
  };

  /** The parsed document, or the errors that refuse it. */
  return (payload: LiveOperationPayload): DocumentNode | GraphQLError[] => {
    let document: DocumentNode;
    try {
      document = parse(payload.query, limits.parseOptions);
    } catch (error) {
      return [refusal(error as GraphQLError, ApolloServerErrorCode.GRAPHQL_PARSE_FAILED)];
    }
    const errors = validate(schema, document, rules);
    if (errors.length === 0) return document;
    return errors.map((e) => refusal(e, ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED));
  };
}
