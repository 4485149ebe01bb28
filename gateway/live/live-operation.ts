import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getOperationAST,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { type ErrorFormatter, formatError } from '../../lib/errors/graphql-errors';
import type { createOperationLimits } from '../security/operation-limits';

// The checks a subscription passes before anything runs, on both transports: the same operation
// limits as queries (the parser's token limit, GraphQL Armor's depth, alias, directive and cost
// rules), then the usual validation. Refusals go through the gateway's error formatter, so an
// over-deep or alias-bombed subscription answers OPERATION_TOO_COMPLEX exactly as a query does.

export interface LiveOperationPayload {
  query: string;
  operationName?: string | null;
}

export function createLiveOperationCheck(
  schema: GraphQLSchema,
  limits: ReturnType<typeof createOperationLimits>,
  format: ErrorFormatter,
) {
  const rules = [...specifiedRules, ...limits.validationRules];
  const refusal = (error: GraphQLError, code: ApolloServerErrorCode): GraphQLError => {
    const coded = new GraphQLError(error.message, {
      nodes: error.nodes,
      extensions: { code },
      originalError: error,
    });
    return formatError(format, coded);
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
    if (errors.length > 0) {
      return errors.map((e) => refusal(e, ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED));
    }
    if (!getOperationAST(document, payload.operationName)) {
      const message = payload.operationName
        ? `Unknown operation named "${payload.operationName}".`
        : 'Name the operation to run: the document holds several.';
      return [
        refusal(new GraphQLError(message), ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE),
      ];
    }
    return document;
  };
}
