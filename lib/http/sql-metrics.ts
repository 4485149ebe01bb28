import type { MikroORM } from '@mikro-orm/core';
import type { Request, Response } from 'express';
import type { Registry } from 'prom-client';
import { sqlCounterOf } from '../orm/sql-statement-counter';

/**
 * A subgraph's /metrics: the SQL statements it has sent, in Prometheus text format. The benchmark
 * reads it before and after one request to report statements per operation; it is a bare count,
 * nothing about tenants. Then the series of `registry` (the subgraph's timed jobs), if any.
 */
export function sqlMetricsHandler(subgraph: string, orm: MikroORM, registry?: Registry) {
  return async (_req: Request, res: Response) => {
    const count = sqlCounterOf(orm)?.count ?? 0;
    const more = registry ? await registry.metrics() : '';
    res
      .type('text/plain; version=0.0.4')
      .send(
        [
          '# HELP sql_statements_total SQL statements this subgraph sent to its database.',
          '# TYPE sql_statements_total counter',
          `sql_statements_total{subgraph="${subgraph}"} ${count}`,
          more,
        ].join('\n'),
      );
  };
}
