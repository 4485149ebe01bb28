import type { IncomingMessage } from 'node:http';
import {
  type DocumentNode,
  type ExecutionResult,
  execute,
  type GraphQLSchema,
  Kind,
  parse,
  specifiedRules,
  validate,
} from 'graphql';
import { LRUCache } from 'lru-cache';
import { type ErrorFormatter, formatResult } from '../errors/graphql-errors';

// Nearly every request a subgraph serves is a query the gateway's query planner wrote, sent again
// and again with other variables. Apollo Server's pipeline around graphql-js (hashing the query
// text, content negotiation, its plugin and batching machinery, its header map) was a fixed cost
// of each such fetch (bench/OPTIMISATIONS.md, "The subgraphs' query path"). Those queries run here
// on graphql-js directly, over a cache of parsed and validated documents. Everything else still
// goes through Apollo Server and answers as it always did: GET, mutations (whose answers may carry
// accounts' viewer changes, from its Apollo plugin), persisted queries, other media types, and
// anything that fails to parse, validate or coerce its variables.

export interface QueryBody {
  query: string;
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** A document cleared to run here: one query operation that validated against the schema. */
interface Prepared {
  document: DocumentNode;
  operationName: string | null;
}

const MAX_DOCUMENTS = 1_000;
/** Introspection stays with Apollo Server, which decides whether it is allowed. */
const INTROSPECTION = /__schema|__type\b/;
/** What Apollo Server answers `application/json` to; any other Accept header goes through it. */
const PLAIN_ACCEPT = new Set([undefined, '', '*/*', 'application/json']);

function isQueryBody(body: unknown): body is QueryBody {
  if (typeof body !== 'object' || body === null) return false;
  const { query, operationName, variables, extensions } = body as Record<string, unknown>;
  return (
    typeof query === 'string' &&
    extensions === undefined &&
    (operationName === undefined || operationName === null || typeof operationName === 'string') &&
    (variables === undefined ||
      variables === null ||
      (typeof variables === 'object' && !Array.isArray(variables)))
  );
}

function prepare(schema: GraphQLSchema, query: string): Prepared | false {
  if (INTROSPECTION.test(query)) return false;
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch {
    return false;
  }
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0].operation !== 'query') return false;
  if (validate(schema, document, specifiedRules).length > 0) return false;
  return { document, operationName: operations[0].name?.value ?? null };
}

export interface SubgraphQueryPath<C> {
  /** The request's prepared query, or null when Apollo Server must answer it. */
  admit(req: IncomingMessage, body: unknown): { body: QueryBody; prepared: Prepared } | null;
  /** Runs an admitted query; null when its variables do not coerce (Apollo Server answers). */
  run(
    admitted: { body: QueryBody; prepared: Prepared },
    context: C,
  ): Promise<ExecutionResult | null>;
}

export function subgraphQueryPath<C>(
  schema: GraphQLSchema,
  formatError: ErrorFormatter,
): SubgraphQueryPath<C> {
  const documents = new LRUCache<string, Prepared | false>({ max: MAX_DOCUMENTS });
  const preparedFor = (query: string) => {
    let prepared = documents.get(query);
    if (prepared === undefined) {
      prepared = prepare(schema, query);
      documents.set(query, prepared);
    }
    return prepared;
  };
  return {
    admit(req, body) {
      if (req.method !== 'POST' || !PLAIN_ACCEPT.has(req.headers.accept)) return null;
      if (!isQueryBody(body)) return null;
      const prepared = preparedFor(body.query);
      if (!prepared) return null;
      const named = body.operationName ?? null;
      if (named !== null && named !== prepared.operationName) return null;
      return { body, prepared };
    },
    async run({ body, prepared }, context) {
      const result = await execute({
        schema,
        document: prepared.document,
        operationName: body.operationName ?? undefined,
        variableValues: body.variables ?? undefined,
        contextValue: context,
      });
      // No data at all: the variables did not coerce and nothing ran.
      if (!('data' in result)) return null;
      return formatResult(formatError, result);
    },
  };
}
