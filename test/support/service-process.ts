import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

// A real process of the product (gateway/main.ts, subgraphs/<name>/main.ts) started through tsx,
// for what only a process shows: signals, exit codes, preloaded modules.

const ROOT = join(__dirname, '..', '..');

/** Loopback, and free ports for every process's internal metrics listener. */
const TEST_DEFAULTS = {
  NODE_ENV: 'test',
  HOST: '127.0.0.1',
  METRICS_PORT: '0',
  ACCOUNTS_METRICS_PORT: '0',
  BILLING_METRICS_PORT: '0',
  CASES_METRICS_PORT: '0',
};

export interface ServiceProcess {
  child: ChildProcess;
  /** The /graphql URL it logged when listening. */
  url: string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Every stdout line (JSON logs) so far. */
  lines: string[];
}

/** Spawns `entry` (relative to the project root) and waits until it logs its listening URL. */
export async function spawnService(
  entry: string,
  env: Record<string, string>,
): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, entry)], {
    cwd: ROOT,
    env: { ...process.env, ...TEST_DEFAULTS, ...env, LOG_LEVEL: 'info' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = once(child, 'exit').then(([code]) => code as number | null);
  const lines: string[] = [];
  const input = createInterface({ input: child.stdout! });
  return new Promise((resolve, reject) => {
    input.on('line', (line) => {
      lines.push(line);
      const url = /"url":"([^"]+\/graphql)"/.exec(line)?.[1];
      if (url) resolve({ child, url, exited, lines });
    });
    void exited.then((code) => reject(new Error(`${entry} exited (${code}) before listening`)));
  });
}
