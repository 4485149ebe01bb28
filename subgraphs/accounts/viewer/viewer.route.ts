import type { MikroORM } from '@mikro-orm/core';
import express, { type Express } from 'express';
import { z } from 'zod';
import { UnauthenticatedError } from '../../../lib/errors/domain-errors';
import { viewerGate } from '../../../lib/http/viewer-gate';
import type { Viewer } from '../../../lib/viewer/viewer';
import type { ViewerTokenCodec } from '../../../lib/viewer/viewer-token';
import { resolveViewer } from './resolve-viewer';
import { userForSignIn } from './sign-in';

const signInBody = z.object({
  issuer: z.string().min(1).max(300),
  subject: z.string().min(1).max(255),
  email: z.string().max(320).nullable(),
  emailVerified: z.boolean(),
});

// Internal route the gateway calls to turn a verified token's sign-in into a viewer context.
// Only the gateway's own service identity may call it. A POST: a first sign-in links the user.
export function mountViewerRoute(app: Express, orm: MikroORM, codec: ViewerTokenCodec): void {
  app.post(
    '/internal/viewer',
    viewerGate(codec),
    express.json({ limit: '4kb' }),
    async (req, res) => {
      if ((res.locals.viewer as Viewer).kind !== 'service') {
        res.status(403).json({ error: 'gateway only' });
        return;
      }
      const signIn = signInBody.safeParse(req.body);
      if (!signIn.success) {
        res.status(400).json({ error: 'expected { issuer, subject, email, emailVerified }' });
        return;
      }
      const em = orm.em.fork();
      const now = new Date();
      try {
        const user = await userForSignIn(em, signIn.data, now);
        res.json(await resolveViewer(em, user, now));
      } catch (error) {
        if (!(error instanceof UnauthenticatedError)) throw error;
        res
          .status(401)
          .json({ errors: [{ message: error.message, extensions: { code: error.code } }] });
      }
    },
  );
}
