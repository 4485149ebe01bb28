import { Counter, Gauge, type Registry } from 'prom-client';
import type { Logger } from '../logging/logger';

// The one timer every subgraph job runs on: a pass at start and then every interval, never two
// passes at once (a slow pass makes the next tick wait for it rather than pile up), a failed pass
// logged and retried at the next tick, and `stop` waiting for the pass under way so shutdown
// never cuts a transaction in half. Each pass is counted on the subgraph's /metrics.

export interface IntervalJobOptions<T> {
  /** The `job` label on /metrics, e.g. `billing_cycle`. */
  name: string;
  intervalMs: number;
  /** One pass. Its errors are logged, counted and retried at the next tick. */
  run: () => Promise<T>;
  log: Logger;
  /** What the log says when a pass fails. */
  failure: string;
  metrics?: JobMetrics;
}

export interface IntervalJob<T> {
  start(): void;
  /** One pass now, or the one under way; undefined when it failed. */
  tick(): Promise<T | undefined>;
  stop(): Promise<void>;
}

export function createIntervalJob<T>(options: IntervalJobOptions<T>): IntervalJob<T> {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<T | undefined> | null = null;
  const pass = async (): Promise<T | undefined> => {
    const end = options.metrics?.running.startTimer({ job: options.name });
    try {
      const result = await options.run();
      options.metrics?.runs.inc({ job: options.name, outcome: 'ok' });
      return result;
    } catch (err) {
      options.metrics?.runs.inc({ job: options.name, outcome: 'failed' });
      options.log.warn({ err, job: options.name }, options.failure);
      return undefined;
    } finally {
      end?.();
    }
  };
  const tick = () => {
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  };
  return {
    start() {
      timer = setInterval(() => void tick(), options.intervalMs);
      timer.unref();
      void tick();
    },
    tick,
    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await running;
    },
  };
}

export type JobMetrics = ReturnType<typeof createJobMetrics>;

/** The jobs' series on a subgraph's registry (served on its /metrics). */
export function createJobMetrics(registry: Registry) {
  const registers = [registry];
  return {
    runs: new Counter({
      name: 'job_runs_total',
      help: 'Passes of a timed job, by outcome',
      labelNames: ['job', 'outcome'],
      registers,
    }),
    running: new Gauge({
      name: 'job_last_run_seconds',
      help: 'How long the last pass of a timed job took',
      labelNames: ['job'],
      registers,
    }),
  };
}
