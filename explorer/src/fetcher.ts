import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { getOperationAST } from 'graphql';
import { type Client, createClient } from 'graphql-ws';

/** The Authorization header to send: the headers editor's, else the signed-in token's. */
function authorizationOf(
  headers: Record<string, unknown> | undefined,
  token: string | null,
): string | null {
  const typed = Object.entries(headers ?? {}).find(
    ([name]) => name.toLowerCase() === 'authorization',
  );
  if (typed && typeof typed[1] === 'string') return typed[1];
  return token ? `Bearer ${token}` : null;
}

/**
 * Queries and mutations go over HTTP, subscriptions over graphql-ws, both to this page's own
 * gateway. The websocket is opened per identity: signing in as someone else starts a new one.
 */
export function createExplorerFetcher(currentToken: () => string | null): Fetcher {
  const url = new URL('/graphql', window.location.href).href;
  const fetcherOver = (wsClient?: Client) =>
    createGraphiQLFetcher({
      url,
      wsClient,
      enableIncrementalDelivery: false,
      fetch: (input, init) => {
        const headers = new Headers(init?.headers);
        const authorization = authorizationOf(undefined, currentToken());
        if (authorization && !headers.has('authorization'))
          headers.set('authorization', authorization);
        return window.fetch(input, { ...init, headers });
      },
    });
  const http = fetcherOver();
  let socket: { authorization: string | null; client: Client; fetcher: Fetcher } | null = null;
  const socketFetcher = (authorization: string | null): Fetcher => {
    if (socket?.authorization !== authorization) {
      void socket?.client.dispose();
      const client = createClient({
        url: url.replace(/^http/, 'ws'),
        connectionParams: authorization ? { authorization } : {},
      });
      socket = { authorization, client, fetcher: fetcherOver(client) };
    }
    return socket.fetcher;
  };

  return (params, options) => {
    const operation =
      options?.documentAST && getOperationAST(options.documentAST, params.operationName);
    if (operation?.operation !== 'subscription') return http(params, options);
    return socketFetcher(authorizationOf(options?.headers, currentToken()))(params, options);
  };
}
