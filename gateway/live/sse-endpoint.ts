import type { NextFunction, Request, Response } from 'express';
import { createHandler } from 'graphql-sse/lib/use/express';
import { requestStatusOf } from '../../lib/errors/graphql-errors';
import { sendHttpError } from '../../lib/http/http-errors';
import type { Logger } from '../../lib/logging/logger';
import type { LiveCaller } from './live-executor';
import type { LiveContext, LiveHandlers } from './live-handlers';
import { sseTransport } from './sse-backpressure';

/**
 * graphql-sse at /graphql (POST with Accept: text/event-stream, distinct connections mode), as
 * Express middleware: takes event-stream requests, passes everything else on.
 */
export function sseEndpoint(handlers: LiveHandlers, log: Logger) {
  const { check, callerOf, refusal, formatted } = handlers;
  const callers = new WeakMap<object, LiveCaller>();
  const sseHandler = createHandler<LiveContext>({
    schema: handlers.schema,
    onSubscribe: async (req, params) => {
      try {
        callers.set(req.raw, await callerOf(req.raw.header('authorization')));
      } catch (error) {
        const refused = refusal(error);
        const status = requestStatusOf(refused.extensions.code);
        return [JSON.stringify({ errors: [refused] }), { status, statusText: '' }];
      }
      const checked = check(params);
      if (Array.isArray(checked)) return { data: null, errors: checked };
    },
    context: (req) => ({
      caller: callers.get(req.raw)!,
      transport: sseTransport(req.context.res),
    }),
    onNext: (_ctx, _req, result) => formatted(result),
    subscribe: handlers.subscribe,
    execute: handlers.execute,
  });

  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.header('accept')?.includes('text/event-stream')) return next();
    // graphql-sse answers these itself, without a code.
    const problem = paramsProblem(req.method === 'POST' ? req.body : req.query);
    if (problem) return sendHttpError(res, 400, 'BAD_REQUEST', problem);
    sseHandler(req, res).catch((error) => {
      log.error({ err: error }, 'live update stream failed');
      if (!res.headersSent) {
        sendHttpError(res, 500, 'INTERNAL_SERVER_ERROR', 'Internal server error; try again later.');
      }
    });
  };
}

/** What graphql-sse would refuse in a request's operation parameters, said with a code. */
function paramsProblem(params: { query?: unknown; variables?: unknown }): string | null {
  if (typeof params.query !== 'string' || !params.query) {
    return 'Send the subscription as "query", a string.';
  }
  const { variables } = params;
  if (variables != null && (typeof variables !== 'object' || Array.isArray(variables))) {
    // A GET carries its variables as JSON text; graphql-sse parses it.
    if (typeof variables !== 'string') return '"variables" must be an object.';
  }
  return null;
}
