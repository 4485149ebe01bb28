import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { CHROMIUM_PATH, chromiumInstalled } from './chromium';
import { buildFrontends } from './frontends';

const SKIPPED = [
  '',
  '  ==================================================================',
  `  BROWSER TESTS SKIPPED: ${CHROMIUM_PATH} is missing.`,
  "  Install Debian's Chromium to run them: apt-get install -y chromium",
  '  ==================================================================',
  '',
].join('\n');

// Browser tests need Chromium and the built frontends; without Chromium they are skipped, loudly,
// at the start and again at the end of the run so that a green run cannot hide it.
export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const chromium = chromiumInstalled();
  project.provide('chromium', chromium);
  if (!chromium) {
    console.warn(SKIPPED);
    return () => console.warn(SKIPPED);
  }
  await buildFrontends();
  return undefined;
}

declare module 'vitest' {
  export interface ProvidedContext {
    chromium: boolean;
  }
}
