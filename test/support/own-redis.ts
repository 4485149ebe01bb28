import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import Redis from 'ioredis';
import { freePort } from './free-port';

// A throwaway redis-server of the test's own, on a free port and without persistence, so a test
// can kill and restart it without touching the shared Redis other test files use.

export interface OwnRedis {
  url: string;
  /** Kills the server (SIGKILL, like a crash); its data is gone. */
  kill(): Promise<void>;
  /** Starts a fresh server on the same port. */
  start(): Promise<void>;
  /** A client of this server, for assertions; closed by stop(). */
  client(): Redis;
  stop(): Promise<void>;
}

async function waitForPing(url: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const probe = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => {});
    try {
      await probe.connect();
      if ((await probe.ping()) === 'PONG') return;
    } catch {
      // not accepting connections yet
    } finally {
      probe.disconnect();
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`redis-server at ${url} did not start`);
}

export async function startOwnRedis(): Promise<OwnRedis> {
  const port = await freePort();
  const url = `redis://127.0.0.1:${port}`;
  let server: ChildProcess | null = null;
  let assertions: Redis | null = null;
  const own: OwnRedis = {
    url,
    async start() {
      const args = [
        '--port',
        String(port),
        '--bind',
        '127.0.0.1',
        '--save',
        '',
        '--appendonly',
        'no',
      ];
      server = spawn('redis-server', args, { stdio: 'ignore' });
      await waitForPing(url);
    },
    async kill() {
      if (!server || server.exitCode !== null) return;
      const exited = once(server, 'exit');
      server.kill('SIGKILL');
      await exited;
    },
    client() {
      assertions ??= new Redis(url);
      assertions.on('error', () => {});
      return assertions;
    },
    async stop() {
      assertions?.disconnect();
      await own.kill();
    },
  };
  await own.start();
  return own;
}
