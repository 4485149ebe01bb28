import { basename, dirname } from 'node:path';
import { loadTelemetryConfig } from '../config/telemetry-config';
import type { Tracing } from './start-tracing';

// Imported first by every main.ts: instrumentation must patch node:http, undici and graphql before
// anything else loads them. With tracing off (the default) it loads no OpenTelemetry SDK at all.

/** "gateway", "accounts", ... from the entry script (gateway/main.ts, dist/subgraphs/cases/main.js). */
function entryName(): string {
  const entry = process.argv[1] ?? '';
  return /^main\.[cm]?[jt]s$/.test(basename(entry)) ? basename(dirname(entry)) : 'support-graph';
}

const config = loadTelemetryConfig(process.env, entryName());

export const tracing: Tracing | null =
  config.exporter === 'none'
    ? null
    : // A synchronous require on purpose: the SDK must be running before the next import.
      (require('./start-tracing') as typeof import('./start-tracing')).startTracing(config);

/** Flushes buffered spans (no-op when tracing is off). */
export const flushTracing = async (): Promise<void> => {
  await tracing?.shutdown();
};
