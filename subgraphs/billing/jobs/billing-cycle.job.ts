import type { MikroORM } from '@mikro-orm/core';
import { createIntervalJob, type JobMetrics } from '../../../lib/jobs/interval-job';
import type { Logger } from '../../../lib/logging/logger';
import { runBillingCycle } from '../commands/run-billing-cycle.command';

export const BILLING_CYCLE_INTERVAL_MS = 3_600_000;

/** Runs the cycle at start and then hourly; `stop` waits for a running pass. */
export function startBillingCycle(
  orm: MikroORM,
  log: Logger,
  metrics?: JobMetrics,
  intervalMs = BILLING_CYCLE_INTERVAL_MS,
) {
  const job = createIntervalJob({
    name: 'billing_cycle',
    intervalMs,
    log,
    metrics,
    failure: 'billing cycle failed; it runs again at the next interval',
    run: async () => {
      const result = await runBillingCycle(orm.em.fork(), new Date());
      if (result.settled + result.issued > 0) log.info(result, 'billing cycle');
      return result;
    },
  });
  job.start();
  return job;
}
