import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../lib/config/project-root';

/**
 * The bundles the gateway serves: every top-level folder with a vite.config.mts (explorer/,
 * console/), built by `npm run build` into dist/<folder>. Their documents come from contract/
 * and their types from schema/, so a change there counts too.
 */
function frontends(root: string): string[] {
  return readdirSync(root).filter((dir) => existsSync(join(root, dir, 'vite.config.mts')));
}
const SHARED_SOURCES = ['contract', 'schema'];

function newestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path)
      .filter((entry) => entry !== 'node_modules')
      .map((entry) => newestChange(join(path, entry))),
  );
}

/**
 * Builds a frontend whose sources changed since its last build, so that the tests exercise the
 * code in the working tree (`npm run build` has usually built it already).
 */
export async function buildFrontends(): Promise<void> {
  const root = projectRoot();
  for (const name of frontends(root)) {
    const built = join(root, 'dist', name, 'index.html');
    const sources = Math.max(...[name, ...SHARED_SOURCES].map((s) => newestChange(join(root, s))));
    if (existsSync(built) && statSync(built).mtimeMs >= sources) continue;
    console.info(`building ${name} for the browser tests`);
    execFileSync(
      join(root, 'node_modules', '.bin', 'vite'),
      ['build', '--config', join(name, 'vite.config.mts')],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  }
}
