import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { REQUEST_ID_HEADER } from '../lib/logging/logger';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Keeps the caller's request id when it is safe to log, else makes one; echoes it back. */
export function assignRequestId(req: Request, res: Response, next: NextFunction): void {
  const header = req.header(REQUEST_ID_HEADER);
  const requestId = header && SAFE_REQUEST_ID.test(header) ? header : randomUUID();
  res.locals.requestId = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  next();
}
