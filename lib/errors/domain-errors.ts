// Every refusal the API can give, typed once. Resolvers and domain code throw these; the
// formatter in graphql-errors.ts turns them into GraphQL errors with the contract's codes.

/** The codes of the domain's refusals: the one list the contract's codes come from. */
export const DOMAIN_ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'SEVERITY_NOT_ALLOWED',
  'SUPPORT_THROUGH_PARTNER',
  'REOPEN_WINDOW_CLOSED',
  'INVALID_TRANSITION',
  'VERIFICATION_FAILED',
  'RATE_LIMITED',
  'OPERATION_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
] as const;

export type ErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }

  /**
   * graphql-js copies an original error's `extensions` onto the GraphQLError it wraps it in, so
   * paths that bypass the HTTP formatter (a subscription refused over a subgraph's websocket)
   * still carry the code.
   */
  get extensions(): Record<string, unknown> {
    return { code: this.code, ...this.details };
  }
}

export class UnauthenticatedError extends DomainError {
  constructor(message = 'Sign in: this needs a valid bearer token.') {
    super('UNAUTHENTICATED', message);
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = 'You do not have permission to do this.') {
    super('FORBIDDEN', message);
  }
}

/**
 * FORBIDDEN for a member of the organization whose roles do not cover the request: it says where
 * to turn instead (`askAdminRoles`, and `selfHelp` for a member without any admin role).
 */
export class AdminRoleNeededError extends DomainError {
  constructor(refusal: {
    message: string;
    askAdminRoles: readonly string[];
    selfHelp: readonly { kind: string; name: string; url: string | null }[];
  }) {
    super('FORBIDDEN', refusal.message, {
      askAdminRoles: refusal.askAdminRoles,
      selfHelp: refusal.selfHelp,
    });
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string, id: string) {
    super('NOT_FOUND', `${what} "${id}" does not exist or is not visible to you.`);
  }
}

export class BadUserInputError extends DomainError {
  constructor(message: string, field?: string) {
    super('BAD_USER_INPUT', message, field ? { field } : {});
  }
}

export class InvalidTransitionError extends DomainError {
  constructor(message: string) {
    super('INVALID_TRANSITION', message);
  }
}

export class SeverityNotAllowedError extends DomainError {
  constructor(message: string) {
    super('SEVERITY_NOT_ALLOWED', message, { field: 'severity' });
  }
}

/** The organization gets its support from a partner: the client shows whom to contact. */
export class SupportThroughPartnerError extends DomainError {
  constructor(partner: { id: string; name: string }) {
    super(
      'SUPPORT_THROUGH_PARTNER',
      `Every subscription of this organization was bought through ${partner.name}, which ` +
        `provides its support: contact ${partner.name}, who can open a case on your behalf.`,
      { partner: { id: partner.id, name: partner.name } },
    );
  }
}

export class ReopenWindowClosedError extends DomainError {
  constructor(closedUntil: Date) {
    super(
      'REOPEN_WINDOW_CLOSED',
      `This case could be reopened until ${closedUntil.toISOString()} (14 days after it was ` +
        'closed); open a new case instead and mention this one.',
      { reopenableUntil: closedUntil.toISOString() },
    );
  }
}

export class RateLimitedError extends DomainError {
  constructor(message: string, retryAfterSeconds: number) {
    super('RATE_LIMITED', message, { retryAfter: retryAfterSeconds });
  }
}

/** A peer subgraph did not answer as expected; surfaces as INTERNAL_SERVER_ERROR (logged). */
export class UpstreamError extends Error {
  constructor(url: string, detail: string) {
    super(`upstream ${url} failed: ${detail}`);
    this.name = 'UpstreamError';
  }
}

export class VerificationFailedError extends DomainError {
  constructor(message: string) {
    super('VERIFICATION_FAILED', message);
  }
}

/**
 * A dependency (the database, or a peer subgraph that lost its own) cannot be reached right now;
 * the transaction of a mutation that hit it was rolled back. Worth retrying shortly.
 */
export class ServiceUnavailableError extends DomainError {
  constructor(message = 'The database could not be reached; try again shortly.') {
    super('SERVICE_UNAVAILABLE', message);
  }
}
