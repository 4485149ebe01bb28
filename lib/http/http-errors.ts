import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorRequestHandler, Express, RequestHandler } from 'express';
import type { Logger } from '../logging/logger';

// What the HTTP layer answers when a request never reaches GraphQL, on the gateway and on every
// subgraph, whatever NODE_ENV says: a GraphQL-over-HTTP error body, never Express' HTML page
// (which shows the stack and the install path outside production). Written with node:http's own
// response methods, so the subgraphs' /graphql (served without Express) answers the same way.

export type HttpErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'METHOD_NOT_ALLOWED'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'INTERNAL_SERVER_ERROR';

/** A refusal as an HTTP status, a GraphQL error code and a message for the client. */
export type HttpRefusal = [status: number, code: HttpErrorCode, message: string];

export function sendHttpError(
  res: ServerResponse,
  status: number,
  code: HttpErrorCode,
  message: string,
): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code } }] }));
}

/** A path no route serves. */
export const routeNotFound: RequestHandler = (_req, res) => {
  sendHttpError(res, 404, 'NOT_FOUND', 'Nothing is served at this path; GraphQL is at /graphql.');
};

/** A route asked with a method it does not serve. */
export const methodNotAllowed =
  (...allowed: string[]) =>
  (req: IncomingMessage, res: ServerResponse): void => {
    res.setHeader('allow', allowed.join(', '));
    sendHttpError(
      res,
      405,
      'METHOD_NOT_ALLOWED',
      `${req.method} is not served here; use ${allowed.join(' or ')}.`,
    );
  };

/** A read-only route (health, readiness, metrics): GET and HEAD, any other method 405. */
export function serveGet(app: Express, path: string, handler: RequestHandler): void {
  app.route(path).get(handler).all(methodNotAllowed('GET', 'HEAD'));
}

/** body-parser's failures (by their `type`), as a client should read them. */
const BODY_FAILURES: Record<string, HttpRefusal> = {
  'entity.parse.failed': [400, 'BAD_REQUEST', 'The request body is not valid JSON.'],
  'entity.too.large': [413, 'PAYLOAD_TOO_LARGE', 'The request body is too large.'],
  'encoding.unsupported': [
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'The request body is in a content encoding this server does not read.',
  ],
  'charset.unsupported': [
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'The request body is in a charset this server does not read; send UTF-8.',
  ],
  'request.aborted': [400, 'BAD_REQUEST', 'The request body ended early.'],
  'request.size.invalid': [400, 'BAD_REQUEST', 'The request body does not match its length.'],
};

interface HttpFailure {
  type?: string;
  status?: number;
  statusCode?: number;
}

/**
 * Answers body-parser's refusals and anything else a handler throws. Client mistakes keep their
 * 4xx status; the rest is a bug, logged and answered without detail.
 */
export function answerHttpFailure(
  log: Logger,
  error: HttpFailure,
  req: IncomingMessage,
  res: ServerResponse,
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const known = error.type ? BODY_FAILURES[error.type] : undefined;
  if (known) {
    sendHttpError(res, ...known);
    return;
  }
  const status = error.status ?? error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    sendHttpError(res, status, 'BAD_REQUEST', 'The request cannot be read.');
    return;
  }
  // Express rewrites req.url inside a mounted route; originalUrl is the path the client asked.
  const url = (req as { originalUrl?: string }).originalUrl ?? req.url ?? '';
  const path = url.split('?')[0];
  log.error({ err: error, method: req.method, path }, 'request failed');
  sendHttpError(
    res,
    500,
    'INTERNAL_SERVER_ERROR',
    'Internal server error. It has been logged; try again later.',
  );
}

/** The last handler of every Express app. */
export function httpErrorHandler(log: Logger): ErrorRequestHandler {
  return (error: HttpFailure, req, res, _next) => answerHttpFailure(log, error, req, res);
}
