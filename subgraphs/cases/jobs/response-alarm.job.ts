import type { MikroORM } from '@mikro-orm/core';
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
}

export class ResponseAlarmScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(private readonly options: ResponseAlarmSchedulerOptions) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
    void this.tick();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }

  /** One pass; resolves with the number of alarms this process fired. Passes never overlap. */
  tick(): Promise<number> {
    if (!this.running) {
      this.running = this.fire().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  private async fire(): Promise<number> {
    const now = (this.options.clock ?? (() => new Date()))();
    try {
      const batch = this.options.batch ?? ALARM_BATCH;
      const fired = await fireResponseAlarms(this.options.orm, now, batch);
      for (const event of fired) this.options.publish([event]);
      return fired.length;
    } catch (error) {
      this.options.log.warn({ err: error }, 'response alarms not fired; retrying next tick');
      return 0;
    }
  }
}
