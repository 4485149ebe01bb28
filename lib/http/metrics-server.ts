import { createServer } from 'node:http';
import express, { type RequestHandler } from 'express';
import type { Logger } from '../logging/logger';
import { httpErrorHandler, routeNotFound, serveGet } from './http-errors';
import { type Listening, listen } from './listen';

// /metrics on a port of its own, as Apollo Router serves Prometheus (127.0.0.1:9090 by default):
// what it tells (operation names, subgraph latencies, SQL counts) is for operators, so it stays
// off the public port that load balancers and clients reach; /health and /ready stay there.

export interface MetricsServer extends Listening {
  metricsUrl: string;
}

export async function serveMetrics(
  handler: RequestHandler,
  at: { port: number; host: string },
  log: Logger,
): Promise<MetricsServer> {
  const app = express();
  app.disable('x-powered-by');
  serveGet(app, '/metrics', handler);
  app.use(routeNotFound, httpErrorHandler(log));
  const listening = await listen(createServer(app), at.port, at.host);
  return { ...listening, metricsUrl: `${listening.url}/metrics` };
}
