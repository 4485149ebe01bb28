import { UnauthenticatedError } from '../../lib/errors/domain-errors';
import type { Logger } from '../../lib/logging/logger';
import { authenticate } from '../auth/authenticate';
import { authenticationFailure } from '../auth/authentication-failure';
import type { TokenVerifier } from '../auth/token-verifier';
import type { ViewerDirectory } from '../auth/viewer-directory';
import type { LiveCaller } from './live-executor';

export type CallerOf = (authorization: unknown) => Promise<LiveCaller>;

/** From an Authorization value to a caller; anonymous and invalid tokens are refused. */
export function liveCallers(
  verify: TokenVerifier,
  directory: ViewerDirectory,
  log: Logger,
): CallerOf {
  return async (authorization) => {
    if (typeof authorization !== 'string' || !authorization) {
      throw new UnauthenticatedError('Live updates need "Authorization: Bearer <token>".');
    }
    const { viewer, token, expiresAt, signIn } = await authenticate(
      authorization,
      verify,
      directory,
    ).catch((error: unknown) => {
      if (!(error instanceof UnauthenticatedError)) log.warn({ err: error }, 'live sign-in failed');
      throw authenticationFailure(error);
    });
    return { signed: { viewer, token }, refresh: () => directory.resolve(signIn!), expiresAt };
  };
}
