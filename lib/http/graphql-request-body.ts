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
const jsonParser = (limit: string) => express.json({ limit, strict: false });

/** Middleware for a GraphQL route; `limit` caps the body (e.g. "100kb"). */
export function graphqlRequestBody(limit: string): RequestHandler[] {
  return [onlyGetAndPost, jsonContentType, jsonParser(limit), jsonObject];
}

/** What a GraphQL route outside Express reads: the parsed body, or the refusal already sent. */
export type GraphqlRequestBody = { body: unknown } | undefined;

/**
 * The same gate for a plain node:http route. Resolves with the body (undefined for a GET), or
 * with undefined once a refusal is sent; rejects with body-parser's failures (answerHttpFailure).
 */
export function graphqlRequestBodyReader(limit: string) {
  const parse = jsonParser(limit) as unknown as (
    req: IncomingMessage,
    res: ServerResponse,
    next: (error?: unknown) => void,
  ) => void;
  return (req: IncomingMessage, res: ServerResponse): Promise<GraphqlRequestBody> => {
    if (req.method !== 'GET' && req.method !== 'POST') {
      methodNotAllowed('GET', 'POST')(req, res);
      return Promise.resolve(undefined);
    }
    if (req.method === 'POST' && !isJson(req.headers['content-type'])) {
      sendHttpError(res, ...NOT_JSON);
      return Promise.resolve(undefined);
    }
    return new Promise((resolve, reject) => {
      parse(req, res, (error) => {
        if (error) return reject(error);
        const body = (req as { body?: unknown }).body;
        const refusal = bodyRefusal(req.method, body);
        if (!refusal) return resolve({ body });
        sendHttpError(res, ...refusal);
        resolve(undefined);
      });
    });
  };
}
