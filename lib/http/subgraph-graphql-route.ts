import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import type { ExecutionResult } from 'graphql';
import type { Logger } from '../logging/logger';
import { logRequest } from '../logging/request-log-plugin';
import type { Viewer } from '../viewer/viewer';
import type { ViewerTokenCodec } from '../viewer/viewer-token';
import { graphqlRequestBodyReader } from './graphql-request-body';
import { answerHttpFailure } from './http-errors';
import type { SubgraphQueryPath } from './subgraph-query-path';
import { admitViewer } from './viewer-gate';

// A subgraph's /graphql on node:http, handed to Apollo Server through executeHTTPGraphQLRequest
// (its integration API). Every subgraph fetch of every request pays this path, and Express'
// router, its request/response decoration, the express5 integration and an ETag hash of each
// answer cost more than the gate itself: see bench/OPTIMISATIONS.md.

export interface SubgraphGraphqlRouteOptions<C extends { log: Logger }> {
  apollo: ApolloServer<C>;
  /** The planner's queries, run without Apollo Server's pipeline (subgraph-query-path.ts). */
  queryPath: SubgraphQueryPath<C>;
  codec: ViewerTokenCodec;
  log: Logger;
  /** Caps the body, in bytes. */
  bodyLimitBytes: number;
  /** `readOnly`: the request can only read (the query path), so its loaders may hand out rows. */
  createContext: (req: IncomingMessage, viewer: Viewer, readOnly: boolean) => C;
}

function headerMapOf(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

const searchOf = (url: string) => {
  const at = url.indexOf('?');
  return at < 0 ? '' : url.slice(at);
};

async function send(res: ServerResponse, answer: HTTPGraphQLResponse): Promise<void> {
  res.statusCode = answer.status ?? 200;
  for (const [key, value] of answer.headers) res.setHeader(key, value);
  if (answer.body.kind === 'complete') {
    res.end(answer.body.string);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) res.write(chunk);
  res.end();
}

/** Apollo Server's way of writing a single result. */
function sendResult(res: ServerResponse, result: ExecutionResult): void {
  res.statusCode = 200;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(`${JSON.stringify(result)}\n`);
}

export function subgraphGraphqlRoute<C extends { log: Logger }>(
  options: SubgraphGraphqlRouteOptions<C>,
) {
  const { apollo, codec, log, queryPath } = options;
  const readBody = graphqlRequestBodyReader(options.bodyLimitBytes);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    try {
      const read = await readBody(req, res);
      if (!read) return;
      const viewer = await admitViewer(codec, req, res);
      if (!viewer) return;
      const started = performance.now();
      const admitted = queryPath.admit(req, read.body);
      const context = options.createContext(req, viewer, admitted !== null);
      const result = admitted && (await queryPath.run(admitted, context));
      if (result) {
        logRequest(context.log, admitted.body.operationName, started, result.errors?.length);
        sendResult(res, result);
        return;
      }
      const answer = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: {
          method: req.method ?? 'POST',
          headers: headerMapOf(req),
          search: searchOf(req.url ?? ''),
          body: read.body,
        },
        context: async () => context,
      });
      await send(res, answer);
    } catch (error) {
      answerHttpFailure(log, error as object, req, res);
    }
  };
}
