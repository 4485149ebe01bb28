import { Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import {
  createIntervalJob,
  createJobMetrics,
  type JobMetrics,
} from '../../../lib/jobs/interval-job';
import { createLogger } from '../../../lib/logging/logger';

const log = createLogger('test', 'silent');
const HOUR = 3_600_000;

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

/** An hourly job: the tests drive it with tick(), start() and stop(). */
const hourly = <T>(run: () => Promise<T>, metrics?: JobMetrics) =>
  createIntervalJob({
    name: 'billing_cycle',
    intervalMs: HOUR,
    log,
    failure: 'failed',
    run,
    metrics,
  });

describe('a timed job', () => {
  it('never runs two passes at once: a tick during a pass waits for that pass', async () => {
    const gate = deferred();
    let passes = 0;
    const job = hourly(async () => {
      passes += 1;
      await gate.promise;
      return passes;
    });
    const first = job.tick();
    const second = job.tick();
    gate.resolve();
    expect(await Promise.all([first, second])).toEqual([1, 1]);
    expect(await job.tick()).toBe(2);
  });

  it('survives a failed pass and runs again at the next tick', async () => {
    let calls = 0;
    const job = hourly(async () => {
      calls += 1;
      if (calls === 1) throw new Error('database away');
      return 'done';
    });
    expect(await job.tick()).toBeUndefined();
    expect(await job.tick()).toBe('done');
  });

  it('stops only once the pass under way has finished', async () => {
    const gate = deferred();
    let finished = false;
    const job = hourly(async () => {
      await gate.promise;
      finished = true;
    });
    job.start();
    const stopped = job.stop().then(() => finished);
    gate.resolve();
    expect(await stopped).toBe(true);
  });

  it('counts its passes by outcome on the registry /metrics serves', async () => {
    const registry = new Registry();
    let calls = 0;
    const job = hourly(async () => {
      calls += 1;
      if (calls === 2) throw new Error('once');
    }, createJobMetrics(registry));
    await job.tick();
    await job.tick();
    await job.tick();
    const text = await registry.metrics();
    expect(text).toContain('job_runs_total{job="billing_cycle",outcome="ok"} 2');
    expect(text).toContain('job_runs_total{job="billing_cycle",outcome="failed"} 1');
    expect(text).toMatch(/job_last_run_seconds\{job="billing_cycle"\} \d/);
  });
});
