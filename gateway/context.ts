import type { Request, Response } from 'express';
import { DomainError } from '../lib/errors/domain-errors';
import { toGraphQLError } from '../lib/errors/graphql-errors';
import type { Logger } from '../lib/logging/logger';
import type { Viewer } from '../lib/viewer/viewer';
import { authenticate } from './auth/authenticate';
import { authenticationFailure } from './auth/authentication-failure';
import type { TokenVerifier } from './auth/token-verifier';
import type { ViewerDirectory } from './auth/viewer-directory';

export interface GatewayContext {
  viewer: Viewer;
  /** The viewer, signed for subgraphs. */
  viewerToken: string;
  requestId: string;
  log: Logger;
  /** The subgraphs this request sent a mutation to, as sent (subgraph-data-source.ts). */
  mutated?: Set<string>;
}

/** Apollo's context function: the request's viewer from its bearer token, and its request id. */
export function gatewayContext(verify: TokenVerifier, directory: ViewerDirectory, log: Logger) {
  return async ({ req, res }: { req: Request; res: Response }): Promise<GatewayContext> => {
    const requestId = res.locals.requestId as string;
    try {
      const { viewer, token } = await authenticate(req.header('authorization'), verify, directory);
      return { viewer, viewerToken: token, requestId, log: log.child({ requestId }) };
    } catch (error) {
      if (!(error instanceof DomainError)) {
        log.error({ err: error, requestId }, 'authentication failed');
      }
      throw toGraphQLError(authenticationFailure(error));
    }
  };
}
