import type { IncomingMessage, ServerResponse } from 'node:http';
import express, { type RequestHandler } from 'express';
import { type HttpRefusal, methodNotAllowed, sendHttpError } from './http-errors';

// The gate in front of a GraphQL endpoint, before Apollo Server sees the request: GET or POST,
// a POST body in JSON, within the size limit, and a JSON object. Each refusal is a GraphQL-over-
// HTTP error (see http-errors.ts); Apollo would answer some of them as HTTP 500 in plain text.
// The gateway mounts it as Express middleware, the subgraphs call readGraphqlRequestBody.

const isJson = (contentType: string | undefined) =>
  contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

const NOT_JSON: HttpRefusal = [
  415,
  'UNSUPPORTED_MEDIA_TYPE',
  'Send the operation as JSON, with "Content-Type: application/json".',
];

function bodyRefusal(method: string | undefined, body: unknown): HttpRefusal | undefined {
  if (method !== 'POST' || (typeof body === 'object' && body && !Array.isArray(body))) return;
  const message = Array.isArray(body)
    ? 'HTTP batching is off: send one operation per request, as a JSON object.'
    : 'The request body must be a JSON object such as {"query": "{ viewer { email } }"}.';
  return [400, 'BAD_REQUEST', message];
}

const onlyGetAndPost: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'POST') return next();
  methodNotAllowed('GET', 'POST')(req, res);
};

const jsonContentType: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || isJson(req.header('content-type'))) return next();
  sendHttpError(res, ...NOT_JSON);
};

const jsonObject: RequestHandler = (req, res, next) => {
  const refusal = bodyRefusal(req.method, req.body);
  if (refusal) return sendHttpError(res, ...refusal);
  next();
};

// strict: false lets any JSON value through, so a string or a number gets its own message.
const jsonParser = (limit: string | number) => express.json({ limit, strict: false });

/** Middleware for a GraphQL route; `limit` caps the body (e.g. "100kb"). */
export function graphqlRequestBody(limit: string): RequestHandler[] {
  return [onlyGetAndPost, jsonContentType, jsonParser(limit), jsonObject];
}

/** What a GraphQL route outside Express reads: the parsed body, or the refusal already sent. */
export type GraphqlRequestBody = { body: unknown } | undefined;

/**
 * A body body-parser would only buffer and JSON.parse: declared length within the limit, no
 * content encoding, "application/json" without a charset (UTF-8). What the gateway sends.
 */
function isPlainJson(req: IncomingMessage, limitBytes: number): boolean {
  const encoding = req.headers['content-encoding'];
  return (
    req.headers['content-type'] === 'application/json' &&
    (encoding === undefined || encoding.toLowerCase() === 'identity') &&
    Number(req.headers['content-length']) <= limitBytes
  );
}

const failure = (type: string) => Object.assign(new Error(type), { type, status: 400 });

/** body-parser's reading of a plain body (see isPlainJson), without its general machinery. */
function readPlainJson(req: IncomingMessage): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('error', () => reject(failure('request.aborted')));
    req.on('end', () => {
      // As body-parser: a UTF-8 byte order mark is dropped, an empty body is an empty object.
      const text = Buffer.concat(chunks)
        .toString('utf8')
        .replace(/^\uFEFF/, '');
      if (text.length === 0) return resolve({});
      try {
        resolve(JSON.parse(text));
      } catch {
        reject(failure('entity.parse.failed'));
      }
    });
  });
}

/**
 * The same gate for a plain node:http route. Resolves with the body (undefined for a GET), or
 * with undefined once a refusal is sent; rejects with body-parser's failures (answerHttpFailure).
 * Every subgraph fetch comes through here, so the gateway's plain JSON skips body-parser; any
 * other body (compressed, another charset, no length, too large) still goes through it.
 */
export function graphqlRequestBodyReader(limitBytes: number) {
  const parse = jsonParser(limitBytes) as unknown as (
    req: IncomingMessage,
    res: ServerResponse,
    next: (error?: unknown) => void,
  ) => void;
  const parsed = (req: IncomingMessage, res: ServerResponse): Promise<unknown> => {
    if (req.method === 'POST' && isPlainJson(req, limitBytes)) return readPlainJson(req);
    return new Promise((resolve, reject) => {
      parse(req, res, (error) =>
        error ? reject(error) : resolve((req as { body?: unknown }).body),
      );
    });
  };
  return async (req: IncomingMessage, res: ServerResponse): Promise<GraphqlRequestBody> => {
    if (req.method !== 'GET' && req.method !== 'POST') {
      methodNotAllowed('GET', 'POST')(req, res);
      return;
    }
    if (req.method === 'POST' && !isJson(req.headers['content-type'])) {
      sendHttpError(res, ...NOT_JSON);
      return;
    }
    const body = await parsed(req, res);
    const refusal = bodyRefusal(req.method, body);
    if (!refusal) return { body };
    sendHttpError(res, ...refusal);
  };
}
