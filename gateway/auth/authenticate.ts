import { UnauthenticatedError } from '../../lib/errors/domain-errors';
import type { SignIn } from '../../lib/viewer/sign-in';
import type { TokenVerifier } from './token-verifier';
import type { SignedViewer, ViewerDirectory } from './viewer-directory';

export interface Authenticated extends SignedViewer {
  /** Token expiry in seconds since epoch; null for anonymous callers. */
  expiresAt: number | null;
  /** Whom the token names, to resolve the viewer again later; null for anonymous callers. */
  signIn: SignIn | null;
}

/** From an Authorization header value to a signed viewer; no header means anonymous. */
export async function authenticate(
  authorization: string | undefined,
  verify: TokenVerifier,
  directory: ViewerDirectory,
): Promise<Authenticated> {
  if (!authorization) return { ...(await directory.anonymous()), expiresAt: null, signIn: null };
  const match = /^Bearer\s+(\S+)$/i.exec(authorization.trim());
  if (!match) throw new UnauthenticatedError('Use "Authorization: Bearer <token>".');
  const { signIn, expiresAt } = await verify(match[1]);
  return { ...(await directory.resolve(signIn)), expiresAt, signIn };
}
