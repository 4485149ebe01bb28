import { readFileSync } from 'node:fs';
import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { VIEWER_HEADER } from '../lib/viewer/viewer-token';
import { type PropagatingContext, PropagatingDataSource } from './propagating-data-source';

// The comparison point: @apollo/gateway + @apollo/server with their defaults on the same
// supergraph. The only addition is what any gateway in front of these subgraphs needs: the
// client's pre-signed x-viewer-context header is passed on to every subgraph fetch.
// argv: <supergraph path> <port>

async function main(): Promise<void> {
  const [supergraphPath, port] = process.argv.slice(2);
  const server = new ApolloServer<PropagatingContext>({
    gateway: new ApolloGateway({
      supergraphSdl: readFileSync(supergraphPath, 'utf8'),
      buildService: ({ url }) => new PropagatingDataSource({ url }),
    }),
  });
  await startStandaloneServer(server, {
    listen: { port: Number(port), host: '127.0.0.1' },
    context: async ({ req }) => ({ viewerContext: req.headers[VIEWER_HEADER] as string }),
  });
}

void main().catch((error) => {
  console.error(error);
  process.exit(1);
});
