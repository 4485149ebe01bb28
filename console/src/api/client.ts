import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { SetContextLink } from '@apollo/client/link/context';
import { GraphQLWsLink } from '@apollo/client/link/subscriptions';
import { getMainDefinition } from '@apollo/client/utilities';
import { createClient } from 'graphql-ws';
import { currentSession } from '../auth/session';
import { announceConnected } from '../live/connection-state';
import { persistedBody } from './persisted-print';

// One Apollo Client for the console: queries and mutations over HTTP, subscriptions over
// graphql-ws, both to the gateway's /graphql on this origin. Its normalized cache is why live
// events need no glue: an event carrying Case:123 updates every page that shows Case:123.

const bearer = () => {
  const session = currentSession();
  return session ? `Bearer ${session.token}` : undefined;
};

function websocketUrl(path: string): string {
  const url = new URL(path, window.location.href);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
}

export function createApolloClient(graphqlPath: string) {
  const http = new HttpLink({ uri: graphqlPath, print: (ast) => persistedBody(ast) });
  const auth = new SetContextLink((previous) => {
    const authorization = bearer();
    return { headers: { ...previous.headers, ...(authorization ? { authorization } : {}) } };
  });
  const ws = createClient({
    url: websocketUrl(graphqlPath),
    lazy: true,
    // Read at every (re)connection: a token renewed meanwhile is used on the next socket.
    connectionParams: () => {
      const authorization = bearer();
      return authorization ? { authorization } : {};
    },
    // Resuming is the subscription's job (live/use-live-events.ts): it knows the last cursor,
    // and re-sending the original request would miss what happened while the socket was down.
    retryAttempts: 0,
    on: { connected: announceConnected },
  });
  const isSubscription = ({ query }: ApolloLink.Operation) => {
    const definition = getMainDefinition(query);
    return definition.kind === 'OperationDefinition' && definition.operation === 'subscription';
  };
  return new ApolloClient({
    link: ApolloLink.split(isSubscription, new GraphQLWsLink(ws), auth.concat(http)),
    cache: new InMemoryCache(),
    // Fields the viewer may not see answer null with FORBIDDEN beside the rest (a partner
    // without the billing role sees no subscriptions): pages show what they got.
    defaultOptions: { watchQuery: { errorPolicy: 'all' }, query: { errorPolicy: 'all' } },
  });
}
