import { execFile, execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

// A throwaway PostgreSQL cluster of the test's own (initdb in a temp dir, a free port, trust auth),
// so a test can crash and restart it without touching the shared server other test files use.

export interface OwnPostgres {
  url: string;
  /** Stops the server: `immediate` is a crash (no checkpoint, connections cut at once). */
  stop(mode?: 'fast' | 'immediate'): Promise<void>;
  start(): Promise<void>;
  /** Stops it and deletes the cluster. */
  destroy(): Promise<void>;
}

/** The server binaries (initdb, pg_ctl) of the newest PostgreSQL installed the Debian way. */
function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  if (!newest) {
    throw new Error(
      `PostgreSQL server binaries (initdb, pg_ctl) are missing under ${root}; this test crashes ` +
        'a PostgreSQL of its own and needs them (apt-get install postgresql).',
    );
  }
  return join(root, newest, 'bin');
}

export async function startOwnPostgres(): Promise<OwnPostgres> {
  const bin = binDir();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'own-pg-'));
  const data = join(dir, 'data');
  // initdb refuses to run as root: run the server binaries as postgres, owner of the directory.
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const pg = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const group = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, pg, group);
  }
  // Asynchronous: the stack under test runs in this process and must keep serving meanwhile.
  const run = async (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const argv = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    await promisify(execFile)(command, argv, { timeout: 60_000 });
  };
  await run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const pgCtl = (...args: string[]) => run('pg_ctl', ['-D', data, ...args]);
  const own: OwnPostgres = {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    start: () =>
      pgCtl(
        '-o',
        `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
        '-l',
        join(dir, 'log'),
        '-w',
        'start',
      ),
    stop: (mode = 'fast') => pgCtl('-m', mode, '-w', 'stop'),
    destroy: async () => {
      await own.stop('immediate').catch(() => {}); // may be stopped already
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await own.start();
  return own;
}
