import type { MikroORM } from '@mikro-orm/core';
import {
  createIntervalJob,
  type IntervalJob,
  type JobMetrics,
} from '../../../lib/jobs/interval-job';
import type { Logger } from '../../../lib/logging/logger';
import { ALARM_BATCH, fireResponseAlarms } from '../commands/fire-response-alarms.command';
import type { CommittedCaseEvent } from '../live/case-event-bus';

// Raises RESPONSE_DUE_SOON and RESPONSE_BREACHED on a timer. It keeps no state of its own: what
// has fired is in the database (response_alarm), so a restarted process fires what it missed and
// nothing twice, and replicas may all run it.

export interface ResponseAlarmSchedulerOptions {
  orm: MikroORM;
  intervalMs: number;
  /** Injectable for tests. */
  clock?: () => Date;
  /** Alarms of each kind fired per tick (default ALARM_BATCH); smaller in tests. */
  batch?: number;
  /** Where fired events go after their commit (the feed). */
  publish: (events: readonly CommittedCaseEvent[]) => void;
  log: Logger;
  metrics?: JobMetrics;
}

export class ResponseAlarmScheduler {
  private readonly job: IntervalJob<number>;

  constructor(private readonly options: ResponseAlarmSchedulerOptions) {
    this.job = createIntervalJob({
      name: 'response_alarms',
      intervalMs: options.intervalMs,
      log: options.log,
      metrics: options.metrics,
      failure: 'response alarms not fired; retrying next tick',
      run: () => this.fire(),
    });
  }

  start(): void {
    this.job.start();
  }

  stop(): Promise<void> {
    return this.job.stop();
  }

  /** One pass; resolves with the number of alarms this process fired. Passes never overlap. */
  async tick(): Promise<number> {
    return (await this.job.tick()) ?? 0;
  }

  private async fire(): Promise<number> {
    const now = (this.options.clock ?? (() => new Date()))();
    const batch = this.options.batch ?? ALARM_BATCH;
    const fired = await fireResponseAlarms(this.options.orm, now, batch);
    for (const event of fired) this.options.publish([event]);
    return fired.length;
  }
}
