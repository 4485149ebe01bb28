import { type ChildProcess, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

// The processes under test: started as plain `node` children so each has its own pid, whose
// peak resident memory the kernel keeps for us (VmHWM).

export interface Started {
  name: string;
  child: ChildProcess;
  stderr: () => string;
}

export function startNode(
  name: string,
  args: string[],
  env: Record<string, string>,
  cwd?: string,
): Started {
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4_000);
  });
  return { name, child, stderr: () => stderr };
}

export async function waitUntilUp(started: Started, url: string, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (started.child.exitCode !== null) {
      throw new Error(`${started.name} exited (${started.child.exitCode}): ${started.stderr()}`);
    }
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(2_000) })).status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${started.name} did not answer ${url} within ${timeoutMs / 1000}s`);
}

/** Resident memory of a process in MiB, from /proc (Linux): now (VmRSS) or its peak (VmHWM). */
function memoryMiB(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)\\s+kB`).exec(status)?.[1]);
    return Number.isFinite(kb) ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

export const peakRssMiB = (pid: number | undefined) => memoryMiB(pid, 'VmHWM');
export const rssMiB = (pid: number | undefined) => memoryMiB(pid, 'VmRSS');

/** CPU time a process has used so far, in ms (user + system, from /proc; 100 ticks a second). */
export function cpuMs(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

export function stop(started: Started): Promise<void> {
  if (started.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => started.child.kill('SIGKILL'), 10_000);
    started.child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    started.child.kill('SIGTERM');
  });
}
