import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, Response } from 'express';
import type { Viewer } from '../viewer/viewer';
import { VIEWER_HEADER, type ViewerTokenCodec } from '../viewer/viewer-token';

// A subgraph answers only requests relayed by the gateway: each carries the gateway-signed viewer
// context, and a request without a valid one never reaches the schema (401 UNAUTHENTICATED).

function refuse(res: ServerResponse, message: string): void {
  res.statusCode = 401;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] }));
}

/** The request's verified viewer, or undefined once the refusal is sent. */
export async function admitViewer(
  codec: ViewerTokenCodec,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<Viewer | undefined> {
  const token = req.headers[VIEWER_HEADER];
  if (typeof token !== 'string' || !token) {
    refuse(res, 'This subgraph only answers requests relayed by the gateway.');
    return;
  }
  try {
    return await codec.verify(token);
  } catch {
    refuse(res, 'The viewer context is invalid or expired.');
  }
}

/** The same gate as Express middleware (accounts' internal routes); sets res.locals.viewer. */
export function viewerGate(codec: ViewerTokenCodec) {
  return async (req: Request, res: Response, next: () => void) => {
    const viewer = await admitViewer(codec, req, res);
    if (!viewer) return;
    res.locals.viewer = viewer;
    next();
  };
}
