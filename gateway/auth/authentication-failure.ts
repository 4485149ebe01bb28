import { DomainError, ServiceUnavailableError } from '../../lib/errors/domain-errors';

/**
 * What a caller is told when authentication did not complete, on queries and subscriptions alike:
 * a refusal stays itself; anything else means accounts could not be asked, and a retry will do.
 */
export function authenticationFailure(error: unknown): DomainError {
  if (error instanceof DomainError) return error;
  return new ServiceUnavailableError(
    'Could not establish who is asking right now; try again shortly.',
  );
}
