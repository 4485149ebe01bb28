import type { CacheHint } from '@apollo/cache-control-types';
import { type GraphQLDataSourceProcessOptions, RemoteGraphQLDataSource } from '@apollo/gateway';
import { parseCacheControlHeader } from '@apollo/gateway/dist/datasources/parseCacheControlHeader';
import { GraphQLDataSourceRequestKind } from '@apollo/gateway/dist/datasources/types';
import type { GatewayGraphQLResponse } from '@apollo/server-gateway-interface';
import { GraphQLError } from 'graphql';
import { subgraphFault } from '../lib/federation/subgraph-availability';
import { REQUEST_ID_HEADER } from '../lib/logging/logger';
import { VIEWER_HEADER } from '../lib/viewer/viewer-token';
import type { GatewayContext } from './context';
import { type EntityFetch, type entityFetchBatcher, isEntityFetch } from './entity-fetch-batch';
import type { FetchRendezvous } from './fetch-rendezvous';
import type { SubgraphFetch, SubgraphResponse } from './subgraph-fetch';

/** A literal that is no DateTime fails the subgraph's validation only: still the client's mistake. */
const CLIENT_MISTAKES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']);

/** How the query planner starts a fetch that runs mutation fields. */
const MUTATION = /^\s*mutation\b/;

type FetcherResponse = Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0];
type Options = GraphQLDataSourceProcessOptions<GatewayContext>;

interface ErrorBody {
  errors?: { message?: string; extensions?: { code?: string } }[];
}

/**
 * Sends a query plan's fetches to one subgraph, with the signed viewer context and the request id.
 * `process` is RemoteGraphQLDataSource's (2.14.4) without node-fetch: the library built a
 * node-fetch Headers and a node-fetch Request for every fetch (the Request only for error hooks
 * this class does not use), 3% of the gateway's busy time on a rotating SupportPicture
 * (bench/OPTIMISATIONS.md, "The gateway's own CPU under rotating viewers"). Same body, same
 * headers, same error handling, same cache policy from the subgraph's cache-control.
 */
export class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    private readonly send: SubgraphFetch,
    private readonly batch: ReturnType<typeof entityFetchBatcher> | null,
    private readonly rendezvous: FetchRendezvous | null,
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
  ) {
    super(config);
  }

  override async process(options: Options): Promise<GatewayGraphQLResponse> {
    const { request } = options;
    const context = options.context as GatewayContext;
    const { http, query, ...rest } = request;
    if (!query) throw new Error('Missing query');
    if (MUTATION.test(query)) noteMutation(context, this.serviceName);
    const headers: Record<string, string> = {};
    for (const [name, value] of http?.headers ?? []) headers[name.toLowerCase()] = value;
    headers['content-type'] = 'application/json';
    if ('viewerToken' in context) {
      headers[VIEWER_HEADER] = context.viewerToken;
      headers[REQUEST_ID_HEADER] = context.requestId;
    }
    const response = await this.answer(context, headers, { query, ...rest } as EntityFetch);
    const processed = this.didReceiveResponse
      ? await this.didReceiveResponse({ response, request, context, ...pathOf(options) })
      : response;
    const policy = overallCachePolicyOf(options);
    if (this.honorSubgraphCacheControlHeader && policy) {
      policy.restrict(cacheHintOf(response.http?.headers.get('cache-control')));
    }
    return processed;
  }

  /** Entity fetches of one client request leaving in the same tick, or meeting at the end of
   * their branches, share one operation. */
  private answer(
    context: GatewayContext,
    headers: Record<string, string>,
    fetch: EntityFetch,
  ): Promise<GatewayGraphQLResponse> {
    const send = (body: string) => this.fetchAnswer(headers, body);
    const progress = this.rendezvous?.progressOf(context);
    if (!this.batch || !('viewerToken' in context) || !isEntityFetch(fetch)) {
      const answer = send(JSON.stringify(fetch));
      return progress ? progress.track([fetch.query], answer) : answer;
    }
    return this.batch(`${context.viewerToken}\n${context.requestId}`, fetch, send, progress);
  }

  private async fetchAnswer(
    headers: Record<string, string>,
    body: string,
  ): Promise<GatewayGraphQLResponse> {
    try {
      const answer = await this.send(this.url, { method: 'POST', headers, body });
      if (!answer.ok) throw await this.errorFromResponse(answer as FetcherResponse);
      const parsed = await this.parseBody(answer as FetcherResponse);
      if (!isObject(parsed))
        throw new Error(`Expected JSON response body, but received: ${parsed}`);
      return { ...parsed, http: answer as SubgraphResponse as never };
    } catch (error) {
      return this.didEncounterError(error as Error);
    }
  }

  override didEncounterError(error: Error): never {
    throw subgraphFault(this.serviceName, error);
  }

  // A subgraph answers HTTP 400 when a variable does not coerce to a custom scalar (a DateTime
  // that is not one): that is the client's mistake, so its message and code reach the client
  // rather than an internal error.
  override async errorFromResponse(response: FetcherResponse): Promise<GraphQLError> {
    const error = await super.errorFromResponse(response);
    const body = (error.extensions.response as { body?: ErrorBody } | undefined)?.body;
    const first = typeof body === 'object' ? body?.errors?.[0] : undefined;
    const code = first?.extensions?.code;
    if (response.status === 400 && first?.message && code && CLIENT_MISTAKES.has(code)) {
      return new GraphQLError(first.message, { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return error;
  }
}

/** Which subgraphs the request changed something in (viewer-refresh.plugin.ts reads it). */
function noteMutation(context: GatewayContext, subgraph: string): void {
  context.mutated ??= new Set();
  context.mutated.add(subgraph);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const pathOf = (options: Options) =>
  options.kind === GraphQLDataSourceRequestKind.INCOMING_OPERATION
    ? { pathInIncomingRequest: options.pathInIncomingRequest }
    : {};

function overallCachePolicyOf(options: Options) {
  if (options.kind !== GraphQLDataSourceRequestKind.INCOMING_OPERATION) return null;
  const policy = options.incomingRequestContext.overallCachePolicy;
  return policy && 'restrict' in policy ? policy : null;
}

/** The library's reading of a subgraph's cache-control header. */
function cacheHintOf(header: string | null | undefined): CacheHint {
  const parsed = parseCacheControlHeader(header);
  const hint: CacheHint = { maxAge: 0 };
  const maxAge = parsed['max-age'];
  if (typeof maxAge === 'string' && /^[0-9]+$/.test(maxAge)) hint.maxAge = +maxAge;
  if (parsed.private === true) hint.scope = 'PRIVATE';
  if (parsed.public === true) hint.scope = 'PUBLIC';
  return hint;
}
