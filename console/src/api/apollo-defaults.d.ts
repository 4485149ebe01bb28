import '@apollo/client';

// The console's default errorPolicy 'all' (api/client.ts), declared so that query results are
// typed as possibly carrying errors beside partial data.
declare module '@apollo/client' {
  export namespace ApolloClient {
    export namespace DeclareDefaultOptions {
      interface WatchQuery {
        errorPolicy: 'all';
      }
      interface Query {
        errorPolicy: 'all';
      }
    }
  }
}
