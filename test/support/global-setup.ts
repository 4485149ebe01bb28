import type { TestProject } from 'vitest/node' with { 'resolution-mode': 'import' };
import { probeDialects } from './database-probe';

// Probed once per run, so every integration test file runs on the same databases.
export default async function setup(project: TestProject): Promise<void> {
  project.provide('dialects', await probeDialects());
}

declare module 'vitest' {
  export interface ProvidedContext {
    dialects: ('sqlite' | 'postgresql')[];
  }
}
