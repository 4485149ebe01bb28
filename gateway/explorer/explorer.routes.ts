import { existsSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express, { type Request, type Response, Router } from 'express';
import { projectRoot } from '../../lib/config/project-root';

// The in-browser explorer: GraphiQL bundled by `npm run build` (explorer/, built into
// dist/explorer), served from the gateway's own origin so that nothing is fetched from elsewhere.

export const EXPLORER_DIR = join(projectRoot(), 'dist', 'explorer');
/** Where the bundle's scripts, styles and workers are served (Vite's `base`). */
const ASSETS_PATH = '/explorer';

/** A browser navigating to /graphql asks for HTML; GraphQL clients ask for JSON. */
const wantsPage = (req: Request): boolean =>
  req.accepts(['application/graphql-response+json', 'application/json', 'text/html']) ===
  'text/html';

// The page talks only to its own origin; the CSP makes the browser refuse anything else too.
const PAGE_POLICY = [
  "default-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

function servePage(res: Response): void {
  const page = join(EXPLORER_DIR, 'index.html');
  if (!existsSync(page)) {
    refuse(res, 503, 'EXPLORER_NOT_BUILT', 'The explorer is not built: run `npm run build`.');
    return;
  }
  res.setHeader('content-security-policy', PAGE_POLICY);
  res.setHeader('cache-control', 'no-cache');
  res.sendFile(page);
}

/**
 * GET /graphql from a browser: the explorer when it is on, a JSON refusal when it is off (never
 * Apollo's landing page, which loads Apollo Sandbox from a CDN). GraphQL GETs pass through.
 */
export function explorerRoutes(enabled: boolean): Router {
  const router = Router();
  if (enabled) {
    router.use(
      ASSETS_PATH,
      // 7 MB of scripts and styles travel as 2 MB; a browser fetches them once (immutable).
      compression(),
      // File names carry a content hash: a new build is a new URL.
      express.static(EXPLORER_DIR, {
        index: false,
        immutable: true,
        maxAge: '1y',
        setHeaders: (res) => res.setHeader('content-security-policy', PAGE_POLICY),
      }),
    );
  }
  router.get('/graphql', (req, res, next) => {
    res.vary('accept');
    if (!wantsPage(req)) return next();
    if (enabled) return servePage(res);
    refuse(
      res,
      404,
      'EXPLORER_OFF',
      'The explorer is off on this gateway (EXPLORER=off). Send GraphQL as POST application/json to /graphql.',
    );
  });
  return router;
}
