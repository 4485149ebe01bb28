import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * Opens a graphql-ws connection (acknowledged by the server) and reports the code it is closed
 * with, for shutdown tests.
 */
export function connectGraphqlWs(
  httpUrl: string,
  connectionParams: Record<string, unknown>,
): Promise<{ closeCode: Promise<number> }> {
  return new Promise((resolveConnected, reject) => {
    let closed: (code: number) => void = () => {};
    const closeCode = new Promise<number>((resolve) => {
      closed = resolve;
    });
    createClient({
      url: httpUrl.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      lazy: false,
      retryAttempts: 0,
      connectionParams,
      onNonLazyError: reject,
      on: {
        connected: () => resolveConnected({ closeCode }),
        closed: (event) => closed((event as { code: number }).code),
      },
    });
  });
}
