import type { MikroORM } from '@mikro-orm/core';
import type { Express } from 'express';
import { viewerGate } from '../../../lib/http/subgraph-server';
import type { Viewer } from '../../../lib/viewer/viewer';
import type { ViewerTokenCodec } from '../../../lib/viewer/viewer-token';
import { resolveViewer } from './resolve-viewer';

// Internal route the gateway calls to turn a verified token's e-mail into a viewer context.
// Only the gateway's own service identity may call it.
export function mountViewerRoute(app: Express, orm: MikroORM, codec: ViewerTokenCodec): void {
  app.get('/internal/viewer', viewerGate(codec), async (req, res) => {
    if ((res.locals.viewer as Viewer).kind !== 'service') {
      res.status(403).json({ error: 'gateway only' });
      return;
    }
    const email = typeof req.query.email === 'string' ? req.query.email : '';
    const viewer = await resolveViewer(orm.em.fork(), email, new Date());
    if (!viewer) {
      res.status(404).json({ error: 'no such user' });
      return;
    }
    res.json(viewer);
  });
}
