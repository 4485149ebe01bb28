import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// BENCH_BASELINE_REF: the code an optimisation replaced, built from git in a worktree outside the
// repository (npm ci + build there, kept between runs of the same commit), so one bench run
// measures both stacks on the same machine at the same time.

export interface BaselineBuild {
  /** Root of the built worktree: its dist/ holds the baseline's subgraphs and gateway. */
  root: string;
  commit: string;
}

const READY_MARK = '.bench-baseline-built';

function run(command: string, args: string[], cwd: string): string {
  return execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 2] });
}

export function prepareBaseline(
  ref: string,
  repositoryRoot: string,
  log: (message: string) => void,
): BaselineBuild {
  const commit = run('git', ['rev-parse', '--verify', `${ref}^{commit}`], repositoryRoot).trim();
  const root = join(tmpdir(), `support-graph-baseline-${commit.slice(0, 12)}`);
  if (existsSync(join(root, READY_MARK))) {
    log(`baseline ${commit.slice(0, 7)}: reusing the build in ${root}`);
    return { root, commit };
  }
  if (existsSync(root)) {
    // A build that did not finish: start over from a clean checkout.
    rmSync(root, { recursive: true, force: true });
    run('git', ['worktree', 'prune'], repositoryRoot);
  }
  log(`baseline ${commit.slice(0, 7)}: git worktree in ${root}, npm ci, build (a few minutes)`);
  run('git', ['worktree', 'add', '--detach', root, commit], repositoryRoot);
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], root);
  run('npm', ['run', 'build', '--silent'], root);
  writeFileSync(join(root, READY_MARK), `${commit}\n`);
  return { root, commit };
}

/**
 * The baseline stack's data directory: a copy of the seeded bench databases and keys (files at
 * the top of the current data directory), so both stacks read the same data and accept the same
 * tokens, and the baseline's writes (live part) never reach the current stack's files.
 */
export function copyBenchData(dataDir: string, into: string): void {
  rmSync(into, { recursive: true, force: true });
  mkdirSync(into, { recursive: true });
  for (const entry of readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.isFile()) copyFileSync(join(dataDir, entry.name), join(into, entry.name));
  }
}
