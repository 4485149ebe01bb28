import express, { type NextFunction, type Request, type Response, Router } from 'express';
import { z } from 'zod';
import { ensureDevJwtKey } from '../../lib/config/dev-secrets';
import { signDevToken } from '../../lib/config/dev-token';
import {
  DEMO_ORGANIZATIONS,
  DEMO_PARTNER_NAMES,
  DEMO_USERS,
  type DemoUser,
  demoUserByEmail,
} from '../../lib/demo/demo-tenants';
import type { GatewayConfig } from '../config';

// Development sign-in for the explorer and the console: "sign in as" a demo user, with a token
// signed exactly as `npm run token` signs it. server.ts mounts this only when config.devSignIn.

const TOKEN_LIFETIME_SECONDS = 8 * 60 * 60;

export interface DevUser {
  email: string;
  name: string;
  /** Role and organization, e.g. "Global admin, Contoso". */
  description: string;
}

const humanize = (role: string) =>
  role.charAt(0) + role.slice(1).toLowerCase().replaceAll('_', ' ');

function describeUser(user: DemoUser): string {
  if (user.partnerId) return `Partner agent, ${DEMO_PARTNER_NAMES[user.partnerId]}`;
  const organization = DEMO_ORGANIZATIONS.find((o) => o.id === user.organizationId)?.name;
  const role = user.supportEngineer
    ? 'Support engineer'
    : user.roles.map(humanize).join(', ') || 'User without admin role';
  return `${role}, ${organization}`;
}

export const devUsers = (): DevUser[] =>
  DEMO_USERS.map((u) => ({ email: u.email, name: u.displayName, description: describeUser(u) }));

const tokenRequest = z.object({ email: z.string().trim().toLowerCase() });

function refuse(res: Response, status: number, code: string, message: string): void {
  res.status(status).json({ error: { code, message } });
}

export function devSignInRoutes(config: GatewayConfig): Router {
  const router = Router();
  router.get('/users', (_req, res) => {
    res.json(devUsers());
  });
  router.post('/token', express.json({ limit: '1kb' }), async (req: Request, res: Response) => {
    // A JSON body cannot be sent cross-site without a CORS preflight, which this gateway never grants.
    if (!req.is('application/json')) {
      refuse(res, 415, 'UNSUPPORTED_MEDIA_TYPE', 'Send the email as JSON: {"email": "..."}.');
      return;
    }
    const body = tokenRequest.safeParse(req.body);
    if (!body.success || !demoUserByEmail(body.data.email)) {
      refuse(res, 400, 'BAD_USER_INPUT', 'email must be one of the demo users of /auth/dev/users.');
      return;
    }
    const expiresAt = Math.floor(Date.now() / 1000) + TOKEN_LIFETIME_SECONDS;
    const key = await ensureDevJwtKey(config.jwt.devKeyFile);
    const token = await signDevToken(key, {
      email: body.data.email,
      issuer: config.jwt.issuer,
      audience: config.jwt.audience,
      expiresAt,
    });
    res.setHeader('cache-control', 'no-store');
    res.json({ token, expiresAt: new Date(expiresAt * 1000).toISOString() });
  });
  // Express' own error page would show a stack trace in development.
  router.use((error: { status?: number }, _req: Request, res: Response, _next: NextFunction) => {
    if (error.status === 400 || error.status === 413)
      refuse(res, error.status, 'BAD_REQUEST', 'Send the email as JSON: {"email": "..."}.');
    else refuse(res, 500, 'INTERNAL_SERVER_ERROR', 'Could not sign a development token.');
  });
  return router;
}
