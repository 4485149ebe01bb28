import express, { type RequestHandler } from 'express';
import { methodNotAllowed, sendHttpError } from './http-errors';

// The gate in front of a GraphQL endpoint, before Apollo Server sees the request: GET or POST,
// a POST body in JSON, within the size limit, and a JSON object. Each refusal is a GraphQL-over-
// HTTP error (see http-errors.ts); Apollo would answer some of them as HTTP 500 in plain text.

const isJson = (contentType: string | undefined) =>
  contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';

const onlyGetAndPost: RequestHandler = (req, res, next) => {
  if (req.method === 'GET' || req.method === 'POST') return next();
  methodNotAllowed('GET', 'POST')(req, res, next);
};

const jsonContentType: RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || isJson(req.header('content-type'))) return next();
  sendHttpError(
    res,
    415,
    'UNSUPPORTED_MEDIA_TYPE',
    'Send the operation as JSON, with "Content-Type: application/json".',
  );
};

const jsonObject: RequestHandler = (req, res, next) => {
  const body: unknown = req.body;
  if (req.method !== 'POST' || (typeof body === 'object' && body && !Array.isArray(body))) {
    return next();
  }
  const message = Array.isArray(body)
    ? 'HTTP batching is off: send one operation per request, as a JSON object.'
    : 'The request body must be a JSON object such as {"query": "{ viewer { email } }"}.';
  sendHttpError(res, 400, 'BAD_REQUEST', message);
};

/** Middleware for a GraphQL route; `limit` caps the body (e.g. "100kb"). */
export function graphqlRequestBody(limit: string): RequestHandler[] {
  // strict: false lets any JSON value through, so a string or a number gets its own message.
  return [onlyGetAndPost, jsonContentType, express.json({ limit, strict: false }), jsonObject];
}
