import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  url: string;
  port: number;
  /**
   * Stops taking new connections, lets in-flight requests finish (closing each connection once
   * its response is sent), and cuts whatever is still open after the grace period.
   */
  close(): Promise<void>;
}

/** How long in-flight requests may run on after close(); past it, connections are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;

/** Listens (port 0 picks a free port) and resolves with the real address. */
export function listen(server: Server, port: number, host: string): Promise<Listening> {
  let closing = false;
  server.on('request', (_req, res) => {
    res.on('finish', () => {
      if (closing) server.closeIdleConnections();
    });
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      resolvePromise({
        port: address.port,
        url: `http://${shownHost}:${address.port}`,
        close: () =>
          new Promise<void>((done) => {
            closing = true;
            const cut = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
            cut.unref();
            server.close(() => {
              clearTimeout(cut);
              done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
